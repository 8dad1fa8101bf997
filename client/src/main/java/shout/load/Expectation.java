package shout.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import shout.cli.EnumOption;

/**
 * What the client's own oracle expects back for each message ({@code --expect}): our protocol's upper-cased
 * bytes, or the same bytes unchanged, as a plain echo server (RFC 862, Netty's echo example) sends them.
 * Chosen once per run: the engine asks it once per connection for the reply it will then compare every byte
 * against, so checking costs the same either way.
 */
public enum Expectation {
    /** Every reply byte is the sent byte upper-cased ({@code toUpperCase(Locale.ROOT)} on the ASCII text). */
    UPPER,
    /** Every reply byte is exactly the byte that was sent. */
    ECHO;

    /** The expectation when none is given: shout's own protocol. */
    public static final Expectation DEFAULT = UPPER;

    /** The reply this expectation wants for {@code request}, ASCII text. */
    public byte[] reply(String request) {
        String reply = switch (this) {
            case UPPER -> request.toUpperCase(Locale.ROOT);
            case ECHO -> request;
        };
        return reply.getBytes(StandardCharsets.US_ASCII);
    }

    /** The name on command lines and in JSON: {@code upper}, {@code echo}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code --expect} and {@code expect=}: reads {@code upper} or {@code echo} in any case and lists them in help. */
    public static final class Option extends EnumOption<Expectation> {
        public Option() {
            super(Expectation.class, "expectation");
        }
    }
}
