package io.github.unsafecheck.runtime.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every native allocation the checker has seen, live or in quarantine, by base address; and, for a while, the ones
 * that really went back to malloc (the graveyard), so that freeing one of them again is still a double free.
 *
 * <p>Thread-safe without locks on the lookup side: a concurrent skip list ordered by base answers "which block holds
 * this address" (the slow path of a write, after the per-site cache missed) and "is this a block's start" (a free).
 */
public final class Allocations {
    private static final int GRAVEYARD_SIZE = 1 << 16;
    private static volatile Allocations instance;

    private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
    private final Map<Long, Block> graveyard = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> graveyardOrder = new ConcurrentLinkedQueue<>();
    private final Quarantine quarantine;
    private final AtomicLong ids = new AtomicLong();
    private final long redzone;
    private final boolean stacks;

    Allocations(long redzone, long quarantineBytes, boolean stacks) {
        this.redzone = redzone;
        this.quarantine = new Quarantine(quarantineBytes);
        this.stacks = stacks;
    }

    /** Set once by the runtime at start. */
    public static void install(long redzone, long quarantineBytes, boolean stacks) {
        instance = new Allocations(redzone, quarantineBytes, stacks);
    }

    /** The registry; a default one if the runtime has not installed one (unit tests). */
    public static Allocations get() {
        Allocations a = instance;
        if (a == null) {
            synchronized (Allocations.class) {
                if (instance == null) {
                    instance = new Allocations(64, 64 << 20, true);
                }
                a = instance;
            }
        }
        return a;
    }

    public long redzone() {
        return redzone;
    }

    public boolean recordsStacks() {
        return stacks;
    }

    /**
     * Records a new block. Blocks it overlaps were freed behind the checker's back (by JNI, or code it does not
     * rewrite) and malloc has handed their memory out again: they are forgotten.
     */
    public Block track(long base, long size, long redzoneBytes, Block.Origin origin, String site, String thread,
            List<String> stack) {
        Block b = new Block(ids.incrementAndGet(), base, size, redzoneBytes, origin, site, thread, stack);
        forgetOverlapping(base, base + size + redzoneBytes);
        blocks.put(base, b);
        graveyard.remove(base);
        return b;
    }

    private void forgetOverlapping(long from, long to) {
        Map.Entry<Long, Block> below = blocks.lowerEntry(from);
        if (below != null && below.getValue().end() + below.getValue().redzone > from) {
            blocks.remove(below.getKey(), below.getValue());
        }
        for (Map.Entry<Long, Block> e = blocks.ceilingEntry(from); e != null && e.getKey() < to;
                e = blocks.ceilingEntry(e.getKey() + 1)) {
            blocks.remove(e.getKey(), e.getValue());
        }
    }

    /** The block (live or quarantined) whose memory or redzone holds {@code address}, or null. */
    public Block holding(long address) {
        Map.Entry<Long, Block> e = blocks.floorEntry(address);
        if (e == null) {
            return null;
        }
        Block b = e.getValue();
        return address - b.base < b.size + b.redzone ? b : null;
    }

    /** The first block starting after {@code address}, or null. */
    public Block above(long address) {
        Map.Entry<Long, Block> e = blocks.higherEntry(address);
        return e == null ? null : e.getValue();
    }

    /** The block that starts exactly at {@code base}, or null. */
    public Block at(long base) {
        return blocks.get(base);
    }

    /** A block that started at {@code base} and has since gone back to malloc, if still remembered. */
    public Block released(long base) {
        return graveyard.get(base);
    }

    /**
     * Frees a live block: records who freed it and puts it in quarantine (evicting older blocks, which really go
     * back to malloc). Returns true if the caller must free the memory itself (quarantine disabled), false if the
     * quarantine keeps it, and throws IllegalStateException if the block was not live.
     */
    public boolean free(Block b, String site, String thread, List<String> stack) {
        if (!b.markFreed(site, thread, stack)) {
            throw new IllegalStateException(b.describe() + " is not live");
        }
        if (!quarantine.isEnabled()) {
            forget(b);
            return true;
        }
        quarantine.hold(b, this::release);
        return false;
    }

    private void release(Block b) {
        forget(b);
        RawMemory.free(b.base);
    }

    private void forget(Block b) {
        b.markReleased();
        blocks.remove(b.base, b);
        graveyard.put(b.base, b);
        graveyardOrder.add(b.base);
        if (graveyard.size() > GRAVEYARD_SIZE) {
            Long oldest = graveyardOrder.poll();
            if (oldest != null) {
                graveyard.remove(oldest);
            }
        }
    }

    /** Live blocks, for the leak summary. */
    public List<Block> live() {
        List<Block> out = new java.util.ArrayList<>();
        for (Block b : blocks.values()) {
            if (b.isLive()) {
                out.add(b);
            }
        }
        return out;
    }

    public long quarantinedBytes() {
        return quarantine.bytesHeld();
    }

    public int trackedBlocks() {
        return blocks.size();
    }
}
