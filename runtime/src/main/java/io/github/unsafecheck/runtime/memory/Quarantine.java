package io.github.unsafecheck.runtime.memory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freed blocks wait here, oldest first, before they really go back to malloc — as in AddressSanitizer — so that a
 * stale address cannot silently hit a new owner. Bounded by bytes: when the budget is exceeded the oldest leave first.
 * Any thread that frees may evict; the queue and the byte count are lock-free.
 */
final class Quarantine {
    private final long budget;
    private final ConcurrentLinkedQueue<Block> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    Quarantine(long budget) {
        this.budget = budget;
    }

    boolean isEnabled() {
        return budget > 0;
    }

    /** Holds a freed block; hands the oldest blocks to {@code release} while the budget is exceeded. */
    void hold(Block b, java.util.function.Consumer<Block> release) {
        queue.add(b);
        long total = bytes.addAndGet(b.size + b.redzone);
        while (total > budget) {
            Block oldest = queue.poll();
            if (oldest == null) {
                return;
            }
            total = bytes.addAndGet(-(oldest.size + oldest.redzone));
            release.accept(oldest);
        }
    }

    long bytesHeld() {
        return bytes.get();
    }

    int blocksHeld() {
        return queue.size();
    }
}
