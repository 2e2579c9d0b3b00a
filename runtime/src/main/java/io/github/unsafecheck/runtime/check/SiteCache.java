package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Block;

/**
 * The block each call site wrote into last. A rewritten call site passes a constant slot number; a write that falls
 * inside the block cached in its slot needs no lookup. Slots are hints, not identities: two sites that share a slot
 * only cost each other a lookup, and a block found there is always checked for bounds and liveness.
 */
public final class SiteCache {
    /** Slot numbers run from 0 to SLOTS - 1; the instrumenter uses the same number. */
    public static final int SLOTS = 4096;

    private static final Block[] CACHE = new Block[SLOTS];

    private SiteCache() {
    }

    /** The hot path of the memory rules: the write lies inside the live block this site hit last. */
    public static boolean hit(int slot, long address, long length) {
        Block b = CACHE[slot & (SLOTS - 1)];
        return b != null && b.covers(address, length);
    }

    /**
     * For a write through a segment: the write lies inside the cached live block, and so does the segment's start
     * (a segment reinterpreted past its own block must not pass because its write happens to land in another).
     */
    public static boolean hitSegment(int slot, long segmentBase, long address, long length) {
        Block b = CACHE[slot & (SLOTS - 1)];
        return b != null && b.covers(address, length) && segmentBase - b.base >= 0 && segmentBase - b.base < b.size;
    }

    /**
     * The slot for the source of a copy made at {@code slot}: the other half of the table, so that a copy's source
     * and destination do not evict each other.
     */
    public static int sourceSlot(int slot) {
        return slot ^ (SLOTS >>> 1);
    }

    public static void remember(int slot, Block b) {
        CACHE[slot & (SLOTS - 1)] = b;
    }
}
