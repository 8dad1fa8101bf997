package shout.server;

/**
 * The API's one way to refuse an impossible setting: an IllegalArgumentException whose message speaks to the
 * user, so that the server command shows it as it is. Not shout.cli's Cli.require, which would bring the
 * command line (picocli) into the API.
 */
final class Require {

    private Require() {
    }

    /** Throws an IllegalArgumentException with {@code message} unless {@code condition} holds. */
    static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
