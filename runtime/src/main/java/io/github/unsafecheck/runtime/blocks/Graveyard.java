package io.github.unsafecheck.runtime.blocks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@link #SIZE} blocks that really went back to malloc, by base address, so that freeing one of them again is
 * still reported as a double free (with who freed it first) after it left the quarantine.
 *
 * <p>A ring decides who is forgotten: each burial takes the next slot and evicts the block that was there. Eviction
 * and replacement remove a map entry only if it still names that very block — a base reused by a newer block keeps
 * its newer entry. The ring is what bounds the memory: a queue of bases, as before, grew without end when malloc
 * handed the same address back again and again (each reuse added to the queue but not to the map).
 */
final class Graveyard {
    static final int SIZE = 1 << 16;

    private final Map<Long, Block> byBase = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Block> ring = new AtomicReferenceArray<>(SIZE);
    private final AtomicLong next = new AtomicLong();

    void bury(Block b) {
        byBase.put(b.base, b);
        Block evicted = ring.getAndSet((int) (next.getAndIncrement() & (SIZE - 1)), b);
        if (evicted != null) {
            byBase.remove(evicted.base, evicted);
        }
    }

    /** Malloc handed {@code base} out again: a free of it is no longer a double free. */
    void reused(long base) {
        byBase.remove(base);
    }

    Block at(long base) {
        return byBase.get(base);
    }

    int size() {
        return byBase.size();
    }
}
