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
    /**
     * The block each slot held before the current one: the slow path's first question. A library that writes all
     * its memory through a few call sites of its own (LWJGL's {@code MemoryUtil.memPutLong}) alternates between
     * blocks at one site; without this, every store after a switch is a lookup (measured: 11 ns a store for two
     * alternating blocks).
     */
    private static final Block[] PREVIOUS = new Block[SLOTS];

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

    /**
     * Caches {@code b} for the slot, unless it holds other blocks (a stack's buffer, a pool's chunk): a write that
     * fits a container may still land in a freed or poisoned child, so containers are looked up every time. The flag
     * is read again after the store: a block that became a container meanwhile is taken out here, or by
     * {@link #evict}, whichever runs second (the flag is volatile).
     */
    public static void remember(int slot, Block b) {
        if (b.isContainer()) {
            return;
        }
        int i = slot & (SLOTS - 1);
        Block old = CACHE[i];
        if (old != b) {
            PREVIOUS[i] = old;
        }
        CACHE[i] = b;
        if (b.isContainer()) {
            CACHE[i] = null;
        }
    }

    /**
     * On a miss: the write lies inside the block this site wrote into before the last one (and, for a segment, so
     * does the segment's start, {@code anchor}); if so the two swap places. Not on the hot path: only a miss asks.
     */
    public static boolean hitPrevious(int slot, long address, long length, long anchor) {
        int i = slot & (SLOTS - 1);
        Block p = PREVIOUS[i];
        if (p == null || !p.covers(address, length) || anchor - p.base < 0 || anchor - p.base >= p.size) {
            return false;
        }
        PREVIOUS[i] = CACHE[i];
        CACHE[i] = p;
        return true;
    }

    /** {@link #evict} as the registry's container listener. */
    public static final class Eviction implements java.util.function.Consumer<Block> {
        @Override
        public void accept(Block b) {
            evict(b);
        }
    }

    /** Takes a block that has just become a container out of every slot. Once per container: 4096 reads. */
    public static void evict(Block b) {
        for (int i = 0; i < SLOTS; i++) {
            if (CACHE[i] == b) {
                CACHE[i] = null;
            }
            if (PREVIOUS[i] == b) {
                PREVIOUS[i] = null;
            }
        }
    }
}
