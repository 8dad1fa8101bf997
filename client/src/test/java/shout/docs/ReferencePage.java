package shout.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import shout.app.ShoutMain;
import shout.cli.ExitCode;
import shout.cli.ShoutCommand;

/**
 * Renders a command's reference from its picocli model (synopsis, description, options with their defaults,
 * examples, exit codes) as the generated part of {@code docs/reference/<command>.md}. What a page says around that
 * part is written by hand and kept: only the lines between {@link #BEGIN} and {@link #END} are replaced.
 */
final class ReferencePage {

    /** The commands with a reference page. */
    static final List<String> COMMANDS = List.of("server", "chat", "load", "compare", "merge");

    static final String BEGIN = "<!-- generated from the picocli annotations by shout.docs.ReferencePage: edit the annotations, not this part -->";
    static final String END = "<!-- end of the generated part -->";

    private ReferencePage() {
    }

    /** The page {@code existing} (null when there is none yet) with its generated part rendered afresh. */
    static String update(String existing, String command) {
        String generated = BEGIN + "\n" + render(command) + END + "\n";
        if (existing == null || !existing.contains(BEGIN) || !existing.contains(END)) {
            return "# shout " + command + "\n\n" + generated;
        }
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END) + END.length() + 1;
        return existing.substring(0, begin) + generated + existing.substring(Math.min(end, existing.length()));
    }

    /** The generated part for one command. */
    static String render(String command) {
        CommandLine commandLine = ShoutMain.commandLine().getSubcommands().get(command);
        CommandSpec spec = commandLine.getCommandSpec();
        StringBuilder md = new StringBuilder();
        md.append("\n```text\nUsage: ").append(commandLine.getHelp().synopsis("Usage: ".length()).stripTrailing()).append("\n```\n\n");
        md.append(text(spec.usageMessage().description())).append("\n\n");
        md.append("## Options\n\n| option | description |\n|---|---|\n");
        for (var positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                md.append(row("`" + positional.paramLabel() + "`", positional));
            }
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                md.append(row(Arrays.stream(option.names()).map(n -> "`" + spelled(n, option) + "`").collect(Collectors.joining(", ")), option));
            }
        }
        md.append("\n## Examples\n\n```sh\n");
        examples(spec).forEach(line -> md.append(line).append('\n'));
        md.append("```\n\n## Exit codes\n\n| code | meaning |\n|---|---|\n");
        for (ExitCode code : ((ShoutCommand) spec.userObject()).exitCodes()) {
            md.append("| ").append(code.code()).append(" | ").append(cell(code.helpLine())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    /** The command's own footer lines (its examples), without the exit codes the shared conventions append. */
    private static List<String> examples(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        for (String line : spec.usageMessage().footer()) {
            if (line.equals("Exit codes:")) {
                break;
            }
            if (!line.isBlank()) {
                lines.add(line.strip().replace("%%", "%"));     // picocli formats the footer too
            }
        }
        return lines;
    }

    /** {@code --connections=N}, {@code -c N}, {@code --quick}: an option name as one would type it. */
    private static String spelled(String name, OptionSpec option) {
        if (option.arity().max() == 0) {
            return name;
        }
        return name + (name.startsWith("--") ? "=" : " ") + option.paramLabel();
    }

    private static String row(String names, ArgSpec arg) {
        return "| " + names + " | " + cell(text(arg.description())) + " |\n";
    }

    /** Description lines as one paragraph each; picocli's %n is a line break, its %% a percent sign. */
    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n%n", "\n\n").replace("%n", " ").replace("%%", "%").strip();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n\n", "<br>").replace("\n", " ");
    }
}
