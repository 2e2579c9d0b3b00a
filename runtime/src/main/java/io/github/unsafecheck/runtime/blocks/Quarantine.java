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
    private final int maxBlocks;
    private final ConcurrentLinkedQueue<Block> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger blocks = new AtomicInteger();

    Quarantine(long budget) {
        this(budget, MAX_BLOCKS);
    }

    Quarantine(long budget, int maxBlocks) {
        this.budget = budget;
        this.maxBlocks = maxBlocks;
    }

    boolean isEnabled() {
        return budget > 0;
    }

    /** Holds a freed block; hands the oldest blocks to {@code release} while the budget is exceeded. */
    void hold(Block b, java.util.function.Consumer<Block> release) {
        queue.add(b);
        long total = bytes.addAndGet(weight(b));
        int held = blocks.incrementAndGet();
        while (total > budget || held > maxBlocks) {
            Block oldest = queue.poll();
            if (oldest == null) {
                return;
            }
            total = bytes.addAndGet(-weight(oldest));
            held = blocks.decrementAndGet();
            release.accept(oldest);
        }
    }

    /** What a held block costs the budget, at most 1 TiB: a huge mark must not wrap the count. */
    private static long weight(Block b) {
        long w = b.size + b.redzone;
        return w < 0 || w > 1L << 40 ? 1L << 40 : w;
    }

    long bytesHeld() {
        return bytes.get();
    }

    int blocksHeld() {
        return blocks.get();
    }
}
