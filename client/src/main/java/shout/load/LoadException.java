package shout.load;

/** A load run that could not happen at all, with a message fit for a user: {@code cannot connect to 127.0.0.1:1: connection refused}. */
public final class LoadException extends Exception {

    public LoadException(String message) {
        super(message);
    }
}
