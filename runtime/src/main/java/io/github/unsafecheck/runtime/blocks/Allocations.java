package io.github.unsafecheck.runtime.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every native allocation the checker has seen, live or in quarantine, by base address; and, for a while, the ones
 * that really went back to malloc (the graveyard), so that freeing one of them again is still a double free.
 *
 * <p>Thread-safe without locks on the lookup side: a page index ({@link BlockIndex}) answers "which block holds this
 * address" (the slow path of a write, after the per-site cache missed) and "is this a block's start" (a free).
 *
 * <p>Two ways in. {@link #track} is malloc's view: a new block overlapping known ones means those were freed behind
 * the checker's back, and they are forgotten. {@link #trackInside} is the view of code that manages memory it
 * already holds (a stack frame, a pool's piece, a poisoned range): the new block becomes a child of the live block
 * that holds it, and only what it overlaps inside that block is forgotten (a popped frame whose bytes the next frame
 * reuses). What happens to a freed block depends on where it came from ({@link Block.Family}): heap blocks wait in
 * the quarantine and then really go back (through their releaser); the program's own blocks are marks, held in a
 * bounded ring and then forgotten; stack blocks stay until their bytes are reused.
 */
public final class Allocations {
    /** Freed {@code ManagedMemory} blocks remembered at most; the oldest are forgotten first. */
    static final int MAX_MARKS = 1 << 16;

    private static volatile Allocations instance;
    /** Told of each block the first time it gets a child: the call sites' caches must let go of it. */
    private static volatile Consumer<Block> containerListener;

    private final BlockIndex blocks = new BlockIndex();
    private final Graveyard graveyard = new Graveyard();
    private final Quarantine quarantine;
    private final Quarantine marks = new Quarantine(Long.MAX_VALUE, MAX_MARKS);
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

    /** Set once by the runtime at start: who is told when a block becomes a container (the site caches). */
    public static void onNewContainer(Consumer<Block> listener) {
        containerListener = listener;
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

    /** A new heap block, as malloc handed it out: see {@link #track(long, long, long, Block.Origin, String, Trace)}. */
    public Block track(long base, long size, long redzoneBytes, Block.Origin origin, Trace allocation) {
        return track(base, size, redzoneBytes, origin, null, allocation);
    }

    /**
     * Records a new block that an allocator handed out. Blocks it overlaps were freed behind the checker's back (by
     * JNI, or code it does not rewrite) and malloc has handed their memory out again: they are forgotten, with
     * whatever lay inside them. {@code kind}: what reports call it (null: the origin's noun).
     */
    public Block track(long base, long size, long redzoneBytes, Block.Origin origin, String kind, Trace allocation) {
        long end = base + Math.max(1, size + redzoneBytes);
        for (Block stale : blocks.overlapping(base, end)) {
            forgetWithChildren(stale);
        }
        Block b = new Block(ids.incrementAndGet(), base, size, redzoneBytes, origin, kind, null, allocation);
        blocks.add(b);
        graveyard.reused(base);
        return b;
    }

    /**
     * Records a block handed out from memory its allocator already holds: a child of the innermost live block that
     * holds all of it (its container), or a block of its own when no block does (memory the checker never saw). What
     * it overlaps inside the container — a popped frame, a freed piece, poison — is forgotten; the container and the
     * blocks it lies in stay. A container that gets its first child is returned by {@link Block#isContainer()} from
     * then on; the caller evicts it from the call sites' caches.
     */
    public Block trackInside(long base, long size, long redzoneBytes, Block.Origin origin, String kind,
            Trace allocation) {
        long end = base + Math.max(1, size + redzoneBytes);
        Block container = containerFor(base, end);
        if (container == null) {
            return track(base, size, redzoneBytes, origin, kind, allocation);
        }
        // One container's children change under its lock: a pool's pieces, a stack's frames. Uncontended in the
        // common case (a stack has one thread); different containers never wait for each other.
        synchronized (container) {
            if (container.markContainer()) {
                Consumer<Block> listener = containerListener;
                if (listener != null) {
                    listener.accept(container);
                }
            }
            for (Block other : blocks.overlapping(base, end)) {
                if (!other.encloses(container)) { // not the container, nor a block it lies in
                    forgetWithChildren(other);
                }
            }
            Block b = new Block(ids.incrementAndGet(), base, size, redzoneBytes, origin, kind, container,
                    allocation);
            blocks.add(b);
            return b;
        }
    }

    /**
     * The innermost live block whose memory (not its redzone) holds all of {@code [base, end)}: where a child goes.
     * Poison never holds anything.
     */
    private Block containerFor(long base, long end) {
        for (Block b = blocks.holding(base); b != null; b = b.parent()) {
            if (b.isLive() && b.origin != Block.Origin.POISON && b.base <= base && end <= b.base + b.size) {
                return b;
            }
        }
        return null;
    }

    /** The innermost block (live, freed or poison) whose memory or redzone holds {@code address}, or null. */
    public Block holding(long address) {
        return blocks.holding(address);
    }

    /** The innermost block of {@code family} that holds {@code address}: what a free of that family is about. */
    public Block holding(long address, Block.Family family) {
        for (Block b = blocks.holding(address); b != null; b = b.parent()) {
            if (b.origin.family() == family) {
                return b;
            }
        }
        return null;
    }

    /** The block with the lowest base in {@code (from, to)}: what a write from unowned memory runs into. */
    public Block lowestStartingIn(long from, long to) {
        return blocks.lowestStartingIn(from, to);
    }

    /** The heap block (live or quarantined) that starts exactly at {@code base}, or null. */
    public Block at(long base) {
        return at(base, Block.Family.HEAP);
    }

    /**
     * The block of {@code family} (live or freed) that starts exactly at {@code base}, or null. A pool's first piece
     * starts where its chunk does: a free of the chunk must find the chunk, a free of the piece the piece.
     */
    public Block at(long base, Block.Family family) {
        for (Block b = blocks.holding(base); b != null; b = b.parent()) {
            if (b.base == base && b.origin.family() == family) {
                return b;
            }
        }
        return null;
    }

    /** A block that started at {@code base} and has since gone back to malloc, if still remembered. */
    public Block released(long base) {
        return graveyard.at(base);
    }

    /** {@link #free(Block, Trace, Block.Releaser)} with {@code Unsafe.freeMemory} as the releaser. */
    public boolean free(Block b, Trace freedBy) {
        return free(b, freedBy, Block.UNSAFE_FREE);
    }

    /**
     * Frees a live block: records who freed it; what lay inside it is forgotten (a stack's frames die with its
     * buffer). A heap block goes into quarantine (evicting older ones, which really go back through their
     * {@code releaser}); a block the program manages itself is remembered as freed for a while; a stack block stays
     * until its bytes are reused. Returns true if the caller must free the memory itself (a heap block and no
     * quarantine), false otherwise; throws IllegalStateException if the block was not live.
     */
    public boolean free(Block b, Trace freedBy, Block.Releaser releaser) {
        if (!b.markFreed(freedBy, releaser)) {
            throw new IllegalStateException(b.describe() + " is not live");
        }
        if (b.isContainer()) {
            synchronized (b) {
                forgetChildren(b);
            }
        }
        switch (b.origin.family()) {
            case HEAP:
                if (!quarantine.isEnabled()) {
                    forget(b);
                    return true;
                }
                quarantine.hold(b, this::release);
                return false;
            case CLIENT:
                marks.hold(b, this::forgetMark);
                return false;
            default:
                return false;
        }
    }

    /**
     * A quarantined block leaves: forgotten, then its memory goes back. Once only: a block released early (its
     * container was freed first) is still in the queue.
     */
    /**
     * Frees a live heap block without quarantine (its memory cannot be held: nothing could release it later). Returns
     * true: the caller frees the memory. Throws IllegalStateException if the block was not live.
     */
    public boolean freeNow(Block b, Trace freedBy) {
        if (!b.markFreed(freedBy, null)) {
            throw new IllegalStateException(b.describe() + " is not live");
        }
        if (b.isContainer()) {
            synchronized (b) {
                forgetChildren(b);
            }
        }
        forget(b);
        return true;
    }

    private void release(Block b) {
        if (!b.releaseOnce()) {
            return;
        }
        blocks.remove(b);
        graveyard.bury(b);
        Block.Releaser r = b.releaser();
        if (r != null) {
            r.release(b.base);
        }
    }

    private void forget(Block b) {
        b.markReleased();
        blocks.remove(b);
        graveyard.bury(b);
    }

    private void forgetMark(Block b) {
        blocks.remove(b);
    }

    /** Removes a block and whatever lies inside it; what was live inside it is dead from now on. */
    private void forgetWithChildren(Block b) {
        forgetChildren(b);
        blocks.remove(b);
    }

    /**
     * What lay inside {@code b} goes with it. A freed heap block waiting in quarantine inside it (a declared pool's
     * piece) really goes back now, before its container does — the order the program freed them in; anything still
     * live inside is dead from now on, so that a call site that cached it no longer passes.
     */
    private void forgetChildren(Block b) {
        if (!b.isContainer()) {
            return;
        }
        for (Block inside : blocks.overlapping(b.base, b.base + Math.max(1, b.size + b.redzone))) {
            if (inside == b || !b.encloses(inside)) {
                continue;
            }
            if (inside.origin.family() == Block.Family.HEAP && inside.state() == Block.QUARANTINED) {
                release(inside);
            } else {
                inside.markReleased();
                blocks.remove(inside);
            }
        }
    }

    /**
     * Poisons {@code [from, to)}: no one may touch it until it is unpoisoned (or handed out again). Poison already
     * there is merged with it, whatever else it overlaps inside its container is forgotten.
     */
    public Block poison(long from, long to, Trace poisonedBy) {
        unpoison(from, to);
        Block p = trackInside(from, to - from, 0, Block.Origin.POISON, null, poisonedBy);
        p.markFreed(poisonedBy, null);
        return p;
    }

    /** Lifts the poison from {@code [from, to)}; poison around it stays, as blocks of their own. */
    public void unpoison(long from, long to) {
        for (Block p : blocks.overlapping(from, to)) {
            if (p.origin != Block.Origin.POISON) {
                continue;
            }
            Block parent = p.parent();
            synchronized (parent != null ? parent : this) {
                if (!blocks.remove(p)) {
                    continue; // lifted by another thread
                }
                if (p.base < from) {
                    remainder(p, p.base, from);
                }
                if (p.end() > to) {
                    remainder(p, to, p.end());
                }
            }
        }
    }

    private void remainder(Block p, long from, long to) {
        Block rest = new Block(ids.incrementAndGet(), from, to - from, 0, Block.Origin.POISON, null, p.parent(),
                p.allocationTrace());
        rest.markFreed(p.freeTrace(), null);
        blocks.add(rest);
    }

    /**
     * A stack frame was popped: the live stack blocks that start in {@code [from, to)} are freed, all with the one
     * trace of the pop. Returns how many.
     */
    public int popStack(long from, long to, Trace poppedBy) {
        int n = 0;
        for (Block b : blocks.overlapping(from, to)) {
            if (b.origin == Block.Origin.STACK && b.base >= from && b.base < to && b.markFreed(poppedBy, null)) {
                if (b.isContainer()) {
                    synchronized (b) {
                        forgetChildren(b);
                    }
                }
                n++;
            }
        }
        return n;
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
