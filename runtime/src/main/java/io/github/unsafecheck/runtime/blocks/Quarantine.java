package io.github.unsafecheck.runtime.blocks;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freed blocks wait here, oldest first, before they really go back to malloc — as in AddressSanitizer — so that a
 * stale address cannot silently hit a new owner. Bounded by bytes and by {@link #MAX_BLOCKS}: when either is exceeded
 * the oldest leave first. The block bound keeps the metadata in check (a block and its traces weigh a few hundred
 * bytes: a 64 MiB budget of 16-byte blocks would otherwise hold four million of them). Any thread that frees may
 * evict; the queue and the counts are lock-free.
 */
final class Quarantine {
    static final int MAX_BLOCKS = 1 << 16;

    private final long budget;
    private final ConcurrentLinkedQueue<Block> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger blocks = new AtomicInteger();

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
        int held = blocks.incrementAndGet();
        while (total > budget || held > MAX_BLOCKS) {
            Block oldest = queue.poll();
            if (oldest == null) {
                return;
            }
            total = bytes.addAndGet(-(oldest.size + oldest.redzone));
            held = blocks.decrementAndGet();
            release.accept(oldest);
        }
    }

    long bytesHeld() {
        return bytes.get();
    }

    int blocksHeld() {
        return blocks.get();
    }
}
