package shout.app;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import shout.cli.ExitCode;
import shout.cli.ShoutCommand;

/** {@code shout completion}: prints the bash completion script that picocli generates from the whole command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash (and zsh) completion script for shout: commands, options and their values.",
            "Use it in this shell with:  source <(shout completion)",
            "or for every shell:         shout completion > ~/.local/share/bash-completion/completions/shout"})
final class CompletionCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("shout", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    @Override
    public ExitCode[] exitCodes() {
        return new ExitCode[] {ExitCode.OK, ExitCode.USAGE};
    }
}
