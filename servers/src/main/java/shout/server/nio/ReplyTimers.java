package shout.server.nio;

import shout.server.work.WorkPolicy;

/**
 * A reactor's timers for delayed replies: each holds what to resume (a connection, whose
 * {@link NioConnection#timerFired()} the reactor calls) and hands it back once its due time, in
 * {@link System#nanoTime()} terms, has passed, earliest first. Reactor thread only.
 *
 * @param <T> what a timer resumes
 */
interface ReplyTimers<T> {

    /** The timers for the delays {@code policy} plans: a plain FIFO where every delay is the same, else a heap. */
    static <T> ReplyTimers<T> forPolicy(WorkPolicy policy) {
        return policy.timersDueInArmingOrder() ? new FifoReplyTimers<>() : new SortedReplyTimers<>();
    }

    /** Arms a timer that resumes {@code target} at {@code dueNanos}. */
    void arm(T target, long dueNanos);

    /** The earliest due time, or {@code otherwise} when no timer is due before it. */
    long earliestDue(long otherwise);

    /** Removes the earliest timer if it is due at {@code nowNanos} and returns what it resumes; null when none is due. */
    T pollDue(long nowNanos);

    /** Drops every timer. */
    void clear();
}
