package shout.cli;

import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;

/**
 * An enum option as every command spells it: its values listed in lower case for help and completion,
 * read back in any case, an unknown one answered with the valid ones. A subclass with a no-argument
 * constructor serves as both picocli's {@code converter} and its {@code completionCandidates}.
 */
public abstract class EnumOption<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final Class<E> type;
    private final String what;

    /** @param what the option's noun in an error: {@code unknown mode 'turbo'} */
    protected EnumOption(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public E convert(String value) {
        return Cli.parseEnum(type, value, what);
    }

    @Override
    public Iterator<String> iterator() {
        return Cli.names(type).iterator();
    }
}
