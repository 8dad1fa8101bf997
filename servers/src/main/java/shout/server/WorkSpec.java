package shout.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import shout.cli.Durations;

/**
 * Reads the {@link Work#SYNTAX} of {@code --work}, and holds the rules the kinds with a list of waits
 * share. Every refusal is an {@link IllegalArgumentException} whose message is one line for the user,
 * naming the spec it refused.
 */
final class WorkSpec {

    /**
     * The most waits one chunk may have. Each wait of a fan-out is a thread in the thread-based modes;
     * a few are what the lesson needs, and a slip (a pasted list) should not start thousands a message.
     */
    static final int MAX_WAITS = 16;

    private WorkSpec() {
    }

    static Work parse(String spec) {
        try {
            return parseWork(spec.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("work '" + spec.trim() + "': " + e.getMessage(), e);
        }
    }

    /** The waits of a {@code seq} or {@code fanout} (the {@code kind}), checked and immutable. */
    static List<Duration> checkedWaits(String kind, List<Duration> waits) {
        Require.that(!waits.isEmpty(), kind + " needs at least one wait, e.g. " + kind + ":10ms,20ms");
        Require.that(waits.size() <= MAX_WAITS, kind + " takes at most " + MAX_WAITS + " waits, not " + waits.size());
        return List.copyOf(waits);
    }

    /** The waits as {@link #parse} reads them back: {@code 10ms,20ms}. */
    static String format(List<Duration> waits) {
        return waits.stream().map(Durations::format).collect(Collectors.joining(","));
    }

    private static Work parseWork(String text) {
        return kind(text).equals("marked") ? marked(argument(text, "marked", "marked:cpu:20ms")) : parseCost(text);
    }

    private static Work.Cost parseCost(String text) {
        Require.that(!text.isEmpty(), "a work is missing; it is one of " + Work.SYNTAX);
        String kind = kind(text);
        for (Work.Waits.Schedule schedule : Work.Waits.Schedule.values()) {
            if (schedule.keyword().equals(kind)) {
                return new Work.Waits(schedule, waits(argument(text, kind, kind + ":10ms,20ms,30ms")));
            }
        }
        return switch (kind) {
            case "none" -> {
                Require.that(text.equals("none"), "none takes no argument");
                yield Work.NONE;
            }
            case "sleep" -> new Work.Sleep(Durations.parse(argument(text, kind, "sleep:10ms")));
            case "cpu" -> new Work.Cpu(Durations.parse(argument(text, kind, "cpu:200us")));
            case "marked" -> throw new IllegalArgumentException("the costs of marked work cannot be marked work themselves");
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'; work is one of " + Work.SYNTAX);
        };
    }

    /** What comes before the first colon: {@code sleep} of {@code sleep:10ms}. */
    private static String kind(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(0, colon);
    }

    /** What follows {@code kind:}, refused when missing. */
    private static String argument(String text, String kind, String example) {
        Require.that(text.startsWith(kind + ":") && text.length() > kind.length() + 1,
                kind + " needs an argument, e.g. " + example);
        return text.substring(kind.length() + 1).trim();
    }

    /** {@code MARKED[/UNMARKED]}: a share of marked messages belongs to the client, which marks them. */
    private static Work.Marked marked(String argument) {
        Require.that(!argument.contains("%"), "marked takes no share: the client chooses which messages are marked"
                + " (e.g. 1%), the server only their cost, e.g. marked:cpu:20ms");
        String[] costs = argument.split("/", -1);
        Require.that(costs.length <= 2, "marked takes at most two costs, marked:MARKED/UNMARKED");
        return new Work.Marked(parseCost(costs[0].trim()), costs.length == 1 ? Work.NONE : parseCost(costs[1].trim()));
    }

    private static List<Duration> waits(String list) {
        List<Duration> waits = new ArrayList<>();
        for (String wait : list.split(",", -1)) {
            Require.that(!wait.isBlank(), "an empty wait in '" + list + "'");
            waits.add(Durations.parse(wait));
        }
        return waits;
    }
}
