package shout.compare;

import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import shout.cli.Counts;
import shout.cli.DurationConverter;
import shout.compare.plan.CellSettings;
import shout.load.LoadConfig;
import shout.load.MarkShare;
import shout.load.MessageShape;

/** The options that say how every cell is measured ({@code @Mixin} of {@link CompareCommand}); presets shorten them. */
final class CellOptions {

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "" + LoadConfig.DEFAULT_PAYLOAD_BYTES, converter = Counts.BytesConverter.class,
            description = "Bytes per message; " + Counts.BYTES_SUFFIXES + " (default: ${DEFAULT-VALUE}).")
    private int sizeBytes;

    @Option(names = "--pipeline", paramLabel = "N", defaultValue = "" + LoadConfig.DEFAULT_PIPELINE, converter = Counts.IntConverter.class,
            description = "Messages in flight per connection (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--mark", paramLabel = "SHARE", converter = MarkShare.Converter.class,
            description = "Mark this share of every cell's messages, e.g. 1%% (as shout load --mark does), for servers given "
                    + "--work marked:...; the table then gives the latency of the unmarked and the marked messages apart. "
                    + "Needs --pipeline 1 (default: none marked).")
    private MarkShare mark = MarkShare.NONE;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Measured time per cell (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = LoadConfig.DEFAULT_WARMUP_TEXT, converter = DurationConverter.class,
            description = "Discarded load before each measurement (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1", converter = Counts.IntConverter.class,
            description = "Measure each cell R times, rotating the servers' order each time; a cell shows the median msgs/s "
                    + "and the spread (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--jit-warmup", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
            description = "Unmeasured load (100 connections) on each server before its first cell, so that its JIT has "
                    + "compiled the hot paths; 0s for none (default: ${DEFAULT-VALUE}).")
    private Duration jitWarmup;

    /**
     * A preset's times, where the command line did not give them: {@code jitWarmup} null keeps the default.
     */
    void preset(ParseResult parsed, Duration presetWarmup, Duration presetDuration, Duration presetJitWarmup) {
        if (!parsed.hasMatchedOption("--warmup")) {
            warmup = presetWarmup;
        }
        if (!parsed.hasMatchedOption("--duration")) {
            duration = presetDuration;
        }
        if (presetJitWarmup != null && !parsed.hasMatchedOption("--jit-warmup")) {
            jitWarmup = presetJitWarmup;
        }
    }

    int repeat() {
        return repeat;
    }

    /** How every cell is measured; throws {@link IllegalArgumentException} with a message fit for a user. */
    CellSettings settings() {
        return new CellSettings(new MessageShape(sizeBytes, pipeline, mark), warmup, duration, repeat, jitWarmup);
    }
}
