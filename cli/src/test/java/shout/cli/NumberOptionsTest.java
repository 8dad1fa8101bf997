package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Every number form a person types, through picocli as each command reads it: suffixes, lists, and one-line refusals. */
class NumberOptionsTest {

    @Command(name = "numbers")
    static final class Numbers implements ShoutCommand {
        @Option(names = "--count", converter = Counts.IntConverter.class)
        int count;
        @Option(names = "--messages", converter = Counts.LongConverter.class)
        long messages;
        @Option(names = "--rate", converter = Counts.FractionConverter.class)
        double rate;
        @Option(names = "--size", converter = Counts.BytesConverter.class)
        int sizeBytes;
        @Option(names = "--connections", split = ",", converter = Counts.IntConverter.class)
        List<Integer> connections;

        @Override
        public Integer call() {
            return ExitCode.OK.code();
        }
    }

    private static Numbers parse(String... args) {
        Numbers numbers = new Numbers();
        Cli.commandLine(numbers).parseArgs(args);
        return numbers;
    }

    @ParameterizedTest
    @CsvSource({"100, 100", "1k, 1000", "10K, 10000", "1.5k, 1500", "2.5M, 2500000", "1M, 1000000", "1G, 1000000000"})
    void aCountTakesKMAndGAsPowersOfTen(String typed, int expected) {
        assertEquals(expected, parse("--count", typed).count);
        assertEquals(expected, parse("--messages", typed).messages);
        assertEquals(expected, parse("--rate", typed).rate);
    }

    @ParameterizedTest
    @CsvSource({"64, 64", "4k, 4096", "4K, 4096", "1.5k, 1536", "1M, 1048576", "1G, 1073741824"})
    void aSizeTakesKMAndGAsPowersOfTwo(String typed, int expected) {
        assertEquals(expected, parse("--size", typed).sizeBytes);
    }

    @Test
    void aListTakesSuffixesPerElementAndARateAFraction() {
        assertEquals(List.of(1, 100, 1_000, 10_000), parse("--connections", "1,100,1k,10k").connections);
        assertEquals(0.5, parse("--rate", "0.5").rate);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--count|1.0001k|'1.0001k' is not a whole number (examples: 100, 10k, 2.5k, 1M)",
        "--count|1.5|'1.5' is not a whole number (examples: 100, 10k, 2.5k, 1M)",
        "--count|10m|'10m' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "--count|-5|'-5' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "--count|3G|'3G' is too large (at most 2147483647)",
        "--messages|1e6|'1e6' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "--rate|fast|'fast' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "--size|0.3k|'0.3k' is not a whole number of bytes (examples: 64, 512, 4k, 1M; k and M are 1,024-based: 4k = 4,096)",
        "--size|4kb|'4kb' is not a size in bytes (examples: 64, 512, 4k, 1M; k and M are 1,024-based: 4k = 4,096)",
        "--size|2G|'2G' is too large (at most 2147483647)",
        "--connections|1,1.0001k|'1.0001k' is not a whole number (examples: 100, 10k, 2.5k, 1M)"})
    void aRefusalIsOneLineAndExit2(String option, String typed, String message) {
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new Numbers()).setErr(new PrintWriter(err, true)).execute(option, typed);
        assertEquals(ExitCode.USAGE.code(), code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        String line = err.toString().strip();
        assertEquals(true, line.startsWith("error: ") && line.contains(message) && line.endsWith("(see 'numbers --help')"), line);
    }
}
