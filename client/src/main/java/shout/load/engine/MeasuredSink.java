package shout.load.engine;

import org.HdrHistogram.Histogram;

/**
 * Where one I/O thread's measured figures go. A {@link LoopStats} holds two of the same class: a scratch sink
 * that the warm-up records into and nobody reads, and the measured one, for all that happens from the measured
 * part's start time on. The hot paths record into the one their time picks without asking which phase it is,
 * so the warm-up runs (and the JIT compiles) the very code the measured part runs: a branch the warm-up never
 * took was compiled as a trap, and taking it when measuring began threw that code away for the interpreter.
 * Written by its I/O thread only; the measured sink is read after the thread is joined, except {@link #latency},
 * which is made for a reader that runs meanwhile.
 */
final class MeasuredSink {

    final LatencyRecorder latency;
    /** Open loop: how late the client got round to each scheduled send, and each reply's service time. */
    final Histogram latenessNanos = LatencyRecorder.newHistogram();
    final Histogram serviceNanos = LatencyRecorder.newHistogram();
    /** With {@code --mark}: the latencies of marked and of other messages apart; null without. */
    final Histogram markedNanos;
    final Histogram unmarkedNanos;
    /** What each completed reply adds to its connection's count of measured replies: 1 here, 0 in the scratch sink. */
    final int countsReplies;
    long bytesOut;
    long bytesIn;

    private MeasuredSink(LatencyRecorder latency, boolean marking, int countsReplies) {
        this.latency = latency;
        this.markedNanos = marking ? LatencyRecorder.newHistogram() : null;
        this.unmarkedNanos = marking ? LatencyRecorder.newHistogram() : null;
        this.countsReplies = countsReplies;
    }

    /** The sink whose figures the report is made of; {@code latency} is the recorder the coordinator reads. */
    static MeasuredSink measured(LatencyRecorder latency, boolean marking) {
        return new MeasuredSink(latency, marking, 1);
    }

    /** A sink of the same shape for the warm-up, whose figures are thrown away. */
    static MeasuredSink scratch(boolean marking) {
        return new MeasuredSink(new LatencyRecorder(), marking, 0);
    }
}
