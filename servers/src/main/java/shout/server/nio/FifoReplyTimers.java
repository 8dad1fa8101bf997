package shout.server.nio;

import java.util.Arrays;

/**
 * Timers that all have the same delay: armed one after another, they fall due in the same order, so a
 * FIFO ring is already sorted and arming one allocates nothing once the ring is large enough. Its
 * length stays a power of two, so a mask wraps the indexes.
 */
final class FifoReplyTimers<T> implements ReplyTimers<T> {

    private Object[] targets = new Object[16];
    private long[] dues = new long[16];
    private int head;
    private int size;

    @Override
    public void arm(T target, long dueNanos) {
        if (size == targets.length) {
            grow();
        }
        int tail = (head + size) & (targets.length - 1);
        targets[tail] = target;
        dues[tail] = dueNanos;
        size++;
    }

    @Override
    public long earliestDue(long otherwise) {
        return size > 0 && dues[head] - otherwise < 0 ? dues[head] : otherwise;
    }

    @Override
    @SuppressWarnings("unchecked")              // only arm() stores into the ring, and only Ts
    public T pollDue(long nowNanos) {
        if (size == 0 || dues[head] - nowNanos > 0) {
            return null;
        }
        T due = (T) targets[head];
        targets[head] = null;
        head = (head + 1) & (targets.length - 1);
        size--;
        return due;
    }

    @Override
    public void clear() {
        Arrays.fill(targets, null);
        head = 0;
        size = 0;
    }

    /** Doubles the ring, unwrapping it so the oldest timer is first again. */
    private void grow() {
        Object[] moreTargets = new Object[2 * targets.length];
        long[] moreDues = new long[moreTargets.length];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (targets.length - 1);
            moreTargets[i] = targets[from];
            moreDues[i] = dues[from];
        }
        targets = moreTargets;
        dues = moreDues;
        head = 0;
    }
}
