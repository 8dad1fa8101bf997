package shout.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import shout.cli.Cli;
import shout.cli.ExitCode;
import shout.cli.OutputPaths;
import shout.cli.ShoutCommand;
import shout.load.LoadReport;

/**
 * {@code shout merge FILE...}: adds up runs of {@code shout load} that ran at once on several machines
 * ({@link MergedRun} says how each figure is combined) and prints the sum as {@code shout load} prints one
 * run, then a row per input. Every input is read and checked before anything is printed. Runs on the
 * calling thread.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adds up shout load runs that ran at the same time on several machines.",
            "",
            "Reads their --json reports or --hdr-log files. Latency histograms are added and percentiles read from "
                + "the sum, never averaged; messages, connections, errors and msgs/s are added; the measured time "
                + "is the longest run's. Prints the sum in shout load's summary, then one row per file. Runs whose "
                + "size, pipeline or loop differ are merged with a warning on standard error; so are runs that did "
                + "not overlap in time. Exit code 3, after the summary, when any run lost or corrupted a byte."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # three client machines ran shout load at the same time: their total",
            "  shout merge host1.json host2.json host3.json",
            "  # the sum as a report of its own, which shout merge reads again",
            "  shout merge a.json b.json --json all.json",
            "  # HdrHistogram logs merge too: latency, messages and time only",
            "  shout merge a.hlog b.hlog",
            "  # the merged p99 for a script; exit 3 if any run lost or corrupted bytes",
            "  shout merge a.json b.json --json - | jq .latencyMicros.p99"})
public final class MergeCommand implements ShoutCommand {

    /** The {@code --json} value that means standard output. */
    private static final String STDOUT = "-";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "A shout load --json report, or an HdrHistogram log (--hdr-log), told apart by content. "
                    + "Give each run once: its JSON and its log are the same run.")
    private List<Path> files;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the sum as a shout load JSON report to FILE, or to standard output with '-' "
                    + "(the summary then goes to standard error). Its intervals are the runs' added by position.")
    private String json;

    @Override
    public ExitCode[] exitCodes() {
        return new ExitCode[] {ExitCode.OK, ExitCode.CANNOT_RUN, ExitCode.USAGE, ExitCode.WRONG_BYTES};
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> unwritable = json == null || STDOUT.equals(json) ? Optional.empty()
                : OutputPaths.fileProblem(Path.of(json)).map(problem -> OutputPaths.describe(Path.of(json), problem));
        if (unwritable.isPresent()) {
            return Cli.fail(err, unwritable.get(), ExitCode.CANNOT_RUN);
        }
        List<RunFile> runs = new ArrayList<>();
        for (Path file : files) {
            try {
                runs.add(RunFile.read(file));
            } catch (RunFile.Unreadable e) {
                return Cli.fail(err, e.getMessage(), ExitCode.USAGE);
            }
        }
        LoadReport merged = MergedRun.of(runs);
        MergeWarnings.of(runs).forEach(warning -> err.println("warning: " + warning));
        err.flush();
        new MergePrinter(STDOUT.equals(json) ? err : out).print(merged, runs);
        try {
            writeJson(merged, out);
        } catch (IOException e) {
            return Cli.fail(err, OutputPaths.describe(Path.of(json), String.valueOf(e.getMessage())), ExitCode.CANNOT_RUN);
        }
        return (merged.lostOrCorrupted() ? ExitCode.WRONG_BYTES : ExitCode.OK).code();
    }

    private void writeJson(LoadReport merged, PrintWriter out) throws IOException {
        if (json == null) {
            return;
        }
        var writer = new ObjectMapper().writerWithDefaultPrettyPrinter();
        if (STDOUT.equals(json)) {
            out.println(writer.writeValueAsString(merged));
            out.flush();
        } else {
            writer.writeValue(Path.of(json).toFile(), merged);
        }
    }
}
