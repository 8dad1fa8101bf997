package shout.compare.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shout.server.Mode;

/**
 * What {@code --scenario} asked for: a scenario whole, or one lesson of {@code lessons} alone
 * ({@code lessons:fanout}).
 *
 * @param scenario the scenario
 * @param lesson   the one lesson to run, or null for the whole scenario; only {@link Scenario#LESSONS} has lessons
 */
public record ScenarioChoice(Scenario scenario, Lesson lesson) {

    /** Between the scenario's name and the lesson's: {@code lessons:idle}. */
    public static final String SEPARATOR = ":";

    public ScenarioChoice {
        Objects.requireNonNull(scenario, "scenario");
        if (lesson != null && scenario != Scenario.LESSONS) {
            throw new IllegalArgumentException(scenario.cliName() + " has no lessons");
        }
    }

    /** The name as the command line spells it: {@code lessons}, {@code lessons:pool-size}, {@code echo-grid}. */
    public String cliName() {
        return lesson == null ? scenario.cliName() : scenario.cliName() + SEPARATOR + lesson.cliName();
    }

    /** The scenario's refusal of the options given (see {@link Scenario#refusal}), else null. */
    public String refusal(Predicate<String> given) {
        return scenario.refusal(given);
    }

    /** The parts, in run order: the scenario's (see {@link Scenario#parts}), or the one lesson's. */
    public List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores, List<Mode> modes,
                                   List<Target.Peer> peers) {
        return lesson == null ? scenario.parts(cells, pinned, machineCores, modes, peers) : lesson.parts(cells, pinned, machineCores);
    }

    /** Reads {@code NAME} or {@code lessons:LESSON} in any case; an unknown one lists the valid ones. */
    public static final class Converter implements ITypeConverter<ScenarioChoice> {
        @Override
        public ScenarioChoice convert(String value) {
            String text = value.strip();
            int separator = text.indexOf(SEPARATOR);
            String scenarioName = separator < 0 ? text : text.substring(0, separator);
            Scenario scenario;
            try {
                scenario = new Scenario.Converter().convert(scenarioName);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("unknown scenario '" + value + "' (valid: " + String.join(", ", new Names()) + ")");
            }
            if (separator < 0) {
                return new ScenarioChoice(scenario, null);
            }
            if (scenario != Scenario.LESSONS) {
                throw new TypeConversionException("'" + value + "': only lessons runs a part alone (lessons:NAME)");
            }
            String lessonName = text.substring(separator + SEPARATOR.length());
            return Lesson.named(lessonName).map(lesson -> new ScenarioChoice(scenario, lesson))
                    .orElseThrow(() -> new TypeConversionException("unknown lesson '" + lessonName + "' (valid: "
                            + String.join(", ", Lesson.names()) + ")"));
        }
    }

    /** Every choice for help text: each scenario, and after {@code lessons} each {@code lessons:LESSON}. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Scenario scenario : Scenario.values()) {
                names.add(scenario.cliName());
                if (scenario == Scenario.LESSONS) {
                    Lesson.names().forEach(lesson -> names.add(scenario.cliName() + SEPARATOR + lesson));
                }
            }
            return names.iterator();
        }
    }
}
