package shout.server.nio;

import java.util.PriorityQueue;

/**
 * Timers whose delays differ (a fan-out, marked chunks that wait differently): a later one may fall due
 * first, so they are kept in a heap by due time. Each armed timer is one small object.
 */
final class SortedReplyTimers<T> implements ReplyTimers<T> {

    private record Timer<T>(long dueNanos, T target) {
    }

    /** By due time, compared as differences so that {@link System#nanoTime()} wrapping around does not reorder them. */
    private final PriorityQueue<Timer<T>> timers = new PriorityQueue<>((a, b) -> Long.signum(a.dueNanos() - b.dueNanos()));

    @Override
    public void arm(T target, long dueNanos) {
        timers.add(new Timer<>(dueNanos, target));
    }

    @Override
    public long earliestDue(long otherwise) {
        Timer<T> first = timers.peek();
        return first != null && first.dueNanos() - otherwise < 0 ? first.dueNanos() : otherwise;
    }

    @Override
    public T pollDue(long nowNanos) {
        Timer<T> first = timers.peek();
        if (first == null || first.dueNanos() - nowNanos > 0) {
            return null;
        }
        return timers.poll().target();
    }

    @Override
    public void clear() {
        timers.clear();
    }
}
