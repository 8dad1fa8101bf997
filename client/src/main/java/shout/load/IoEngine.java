package shout.load;

import shout.cli.EnumOption;

/** How the load client does its I/O: {@code --io}. Which engine can run here is shout.load.io's to say. */
public enum IoEngine {
    /** epoll where it is available, else the JDK's selector. */
    AUTO,
    /** The JDK's selector and socket channels: any platform, any JDK 21+. */
    NIO,
    /** Linux epoll, recv and send called directly: Linux on x86-64 or aarch64 with JDK 22+ only. */
    EPOLL;

    /** {@code --io}: reads {@code auto}, {@code nio} or {@code epoll} in any case and lists them in help. */
    public static final class Option extends EnumOption<IoEngine> {
        public Option() {
            super(IoEngine.class, "I/O engine");
        }
    }
}
