package shout.load.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import shout.load.Expectation;

/**
 * One connection's message and the reply the client's own oracle expects for it. The message is
 * random lowercase letters drawn from the run's seed and the connection's index, so two connections
 * send different bytes and a server that mixes them up is caught. The oracle is the run's {@link Expectation}:
 * {@code toUpperCase(Locale.ROOT)} on the ASCII text (deliberately not the server's transform), or the text itself
 * for a plain echo server; either way it is worked out here, once, and the hot path only compares bytes.
 *
 * @param request       the message bytes, lowercase ASCII letters
 * @param expectedReply what the server must send back for them
 */
record Payload(byte[] request, byte[] expectedReply) {

    /** Largest send ring per connection: enough copies of the message to write a whole pipeline at once. */
    private static final int MAX_RING_BYTES = 64 * 1024;

    /** The payload of connection {@code connectionIndex} in a run seeded with {@code seed}, checked as {@code expect} says. */
    static Payload forConnection(long seed, int connectionIndex, int payloadBytes, Expectation expect) {
        var random = new SplittableRandom(seed ^ (connectionIndex * 0x9E37_79B9_7F4A_7C15L));
        char[] letters = new char[payloadBytes];
        for (int i = 0; i < payloadBytes; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        String text = new String(letters);
        return new Payload(text.getBytes(StandardCharsets.US_ASCII), expect.reply(text));
    }

    /** The request repeated as often as {@code pipeline} needs (within a cap), so one write can carry several messages. */
    byte[] sendRing(int pipeline) {
        int copies = ringBytes(request.length, pipeline) / request.length;
        byte[] ring = new byte[copies * request.length];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(request, 0, ring, i * request.length, request.length);
        }
        return ring;
    }

    /** The length of {@link #sendRing} for messages of {@code payloadBytes}. */
    static int ringBytes(int payloadBytes, int pipeline) {
        return Math.max(1, Math.min(pipeline, MAX_RING_BYTES / payloadBytes)) * payloadBytes;
    }
}
