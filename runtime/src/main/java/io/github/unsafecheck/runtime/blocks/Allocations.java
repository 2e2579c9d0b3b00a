package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.raw.RawMemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every native allocation the checker has seen, live or in quarantine, by base address; and, for a while, the ones
 * that really went back to malloc (the graveyard), so that freeing one of them again is still a double free.
 *
 * <p>Thread-safe without locks on the lookup side: a page index ({@link BlockIndex}) answers "which block holds this
 * address" (the slow path of a write, after the per-site cache missed) and "is this a block's start" (a free).
 */
public final class Allocations {
    private static volatile Allocations instance;

    private final BlockIndex blocks = new BlockIndex();
    private final Graveyard graveyard = new Graveyard();
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
    public Block track(long base, long size, long redzoneBytes, Block.Origin origin, Trace allocation) {
        Block b = new Block(ids.incrementAndGet(), base, size, redzoneBytes, origin, allocation);
        for (Block stale : blocks.overlapping(base, base + Math.max(1, size + redzoneBytes))) {
            blocks.remove(stale);
        }
        blocks.add(b);
        graveyard.reused(base);
        return b;
    }

    /** The block (live or quarantined) whose memory or redzone holds {@code address}, or null. */
    public Block holding(long address) {
        return blocks.holding(address);
    }

    /** The block with the lowest base in {@code (from, to)}: what a write from unowned memory runs into. */
    public Block lowestStartingIn(long from, long to) {
        return blocks.lowestStartingIn(from, to);
    }

    /** The block (live or quarantined) that starts exactly at {@code base}, or null. */
    public Block at(long base) {
        Block b = blocks.holding(base);
        return b != null && b.base == base ? b : null;
    }

    /** A block that started at {@code base} and has since gone back to malloc, if still remembered. */
    public Block released(long base) {
        return graveyard.at(base);
    }

    /**
     * Frees a live block: records who freed it and puts it in quarantine (evicting older blocks, which really go
     * back to malloc). Returns true if the caller must free the memory itself (quarantine disabled), false if the
     * quarantine keeps it, and throws IllegalStateException if the block was not live.
     */
    public boolean free(Block b, Trace freedBy) {
        if (!b.markFreed(freedBy)) {
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
        blocks.remove(b);
        graveyard.bury(b);
    }

    /** Live blocks, for the leak summary. */
    public List<Block> live() {
        List<Block> out = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.isLive()) {
                out.add(b);
            }
        });
        out.sort(Comparator.comparingLong(b -> b.id));
        return out;
    }

    public long quarantinedBytes() {
        return quarantine.bytesHeld();
    }

    public int trackedBlocks() {
        return blocks.size();
    }

    /** Blocks tracked since start (each allocation and reallocation counts once), for the run's end record. */
    public long allocationsTracked() {
        return ids.get();
    }
}
