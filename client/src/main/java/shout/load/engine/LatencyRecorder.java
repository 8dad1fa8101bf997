package shout.load.engine;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * One I/O thread's round-trip latencies, handed to the coordinating thread an interval at a time.
 * It works like HdrHistogram's {@code SingleWriterRecorder}, except that the writer enters its
 * critical section once per selector pass instead of once per value: two atomic increments per reply
 * were a measurable part of the client's cost per message, and each one slows the server it measures
 * too. The writer (the I/O thread) brackets the handling of the events of one select with
 * {@link #beginPass} and {@link #endPass} and never blocks in between, so a reader waits at most one
 * pass for the interval it asked for.
 */
final class LatencyRecorder {

    /** Latencies above this are recorded as this: an hour is beyond any run this client makes. */
    static final long HIGHEST_NANOS = java.util.concurrent.TimeUnit.HOURS.toNanos(1);
    private static final long READER_YIELD_NANOS = 100_000;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Histogram active = newHistogram();
    /** Owned by the reader: the interval it returned last, reset and reused by the next call. */
    private Histogram inactive = newHistogram();
    private boolean inPass;
    private long passEpoch;

    LatencyRecorder() {
        active.setStartTimeStamp(System.currentTimeMillis());
    }

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_NANOS, 3);
    }

    /** Writer: values may be recorded from now until {@link #endPass}; calling it again is harmless. */
    void beginPass() {
        if (!inPass) {
            passEpoch = phaser.writerCriticalSectionEnter();
            inPass = true;
        }
    }

    /** Writer: records one latency; only between {@link #beginPass} and {@link #endPass}. */
    void record(long nanos) {
        active.recordValue(clamp(nanos));
    }

    /** A duration as the histograms can hold it: below zero counts as zero, above an hour as an hour. */
    static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 0), HIGHEST_NANOS);
    }

    /** Writer: the pass is over; the thread may block now. */
    void endPass() {
        if (inPass) {
            inPass = false;
            phaser.writerCriticalSectionExit(passEpoch);
        }
    }

    /**
     * Reader: the latencies recorded since the previous call, with their interval's start and end
     * times. The histogram is reused by the next call, so use it before calling again.
     */
    Histogram interval() {
        phaser.readerLock();
        try {
            long nowMillis = System.currentTimeMillis();
            Histogram finished = active;
            inactive.reset();
            inactive.setStartTimeStamp(nowMillis);
            active = inactive;
            phaser.flipPhase(READER_YIELD_NANOS);           // a writer still in a pass may write to finished
            finished.setEndTimeStamp(nowMillis);
            inactive = finished;
            return finished;
        } finally {
            phaser.readerUnlock();
        }
    }
}
