package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.jdk.JdkSites;
import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.raw.RawMemory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One native allocation the checker saw: {@code [base, base + size)} for the program, followed by {@code redzone}
 * bytes the checker owns. Its history (where and by whom it was allocated and freed) is what reports tell.
 *
 * <p>Blocks nest: memory that code manages itself — a {@code MemoryStack} frame inside the stack's direct buffer, a
 * pool's chunk handed out in pieces, a poisoned range — is a child of the block that holds it ({@link #parent()}).
 * A lookup answers with the innermost block; a block with children is a {@link #isContainer() container}, which a
 * call site never caches (a cached container would let a write into a freed child through).
 *
 * <p>Identity and bounds are final. The state moves LIVE → QUARANTINED → RELEASED; the freeing details are written
 * before the state (a release store), so whoever sees a freed state also sees who freed it. The hot path reads the
 * state plainly: a write racing with a free in another thread is the program's own race, and may go either way.
 */
public final class Block {
    public static final int LIVE = 0;
    /** Freed by the program, held back from malloc so that stale writes are still caught. */
    public static final int QUARANTINED = 1;
    /** Really returned to malloc (left the quarantine). */
    public static final int RELEASED = 2;

    /** Where the memory came from, and so who frees it and what happens to it then. */
    public enum Origin {
        UNSAFE("native allocation", Family.HEAP),
        DIRECT_BUFFER("direct ByteBuffer", Family.HEAP),
        SEGMENT("native segment", Family.HEAP),
        /** A declared or built-in allocation function ({@code track=}, LWJGL, JNA, FFM downcalls to malloc). */
        FUNCTION("native allocation", Family.HEAP),
        /** An allocation from an LWJGL {@code MemoryStack} frame; freed when the frame is popped. */
        STACK("MemoryStack allocation", Family.STACK),
        /** A block the program declared through {@code ManagedMemory.allocated}. */
        CLIENT("managed block", Family.CLIENT),
        /** Bytes the program poisoned through {@code ManagedMemory.poison}: never live. */
        POISON("poisoned range", Family.POISON);

        private final String noun;
        private final Family family;

        Origin(String noun, Family family) {
            this.noun = noun;
            this.family = family;
        }

        public String noun() {
            return noun;
        }

        public Family family() {
            return family;
        }

        /** The memory an allocation call site hands out: the JDK's direct buffers and arenas, or the program's. */
        public static Origin ofSite(String site) {
            if (JdkSites.isDirectBufferSite(site)) {
                return DIRECT_BUFFER;
            }
            return JdkSites.isArenaSite(site) ? SEGMENT : UNSAFE;
        }
    }

    /**
     * Who frees a block: a heap free ({@code freeMemory}, {@code free}, a declared free function) frees heap blocks
     * only, a stack pop stack blocks, {@code ManagedMemory.freed} the program's own blocks; poison is only lifted.
     * A free looks for a block of its own family at the address, so that a pool's piece starting at its chunk's base
     * is never taken for the chunk.
     */
    public enum Family {
        HEAP, STACK, CLIENT, POISON
    }

    /** How a freed block's memory finally goes back (called once, when it leaves the quarantine). */
    public interface Releaser {
        void release(long base);
    }

    /** {@code Unsafe.freeMemory}: for the memory {@code allocateMemory} gave (the program's and the JDK's). */
    public static final Releaser UNSAFE_FREE = RawMemory::free;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Block.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final long id;
    public final long base;
    public final long size;
    public final long redzone;
    public final Origin origin;
    private final String kind;
    private final Block parent;
    private final int depth;
    private final Trace allocation;

    private int state;
    private Trace free;
    private Releaser releaser;
    private volatile boolean container;

    Block(long id, long base, long size, long redzone, Origin origin, String kind, Block parent, Trace allocation) {
        this.id = id;
        this.base = base;
        this.size = size;
        this.redzone = redzone;
        this.origin = origin;
        this.kind = kind != null ? kind : origin.noun();
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.allocation = allocation;
    }

    /** What the memory is, in reports: {@code native allocation}, {@code MemoryUtil.nmemAlloc block}, a pool's word. */
    public String kind() {
        return kind;
    }

    /** The block this one lies in, or null for memory the checker saw come from an allocator. */
    public Block parent() {
        return parent;
    }

    int depth() {
        return depth;
    }

    /** True when {@code other} is this block or lies (transitively) inside it. */
    public boolean encloses(Block other) {
        for (Block b = other; b != null; b = b.parent) {
            if (b == this) {
                return true;
            }
        }
        return false;
    }

    /** True once another block has been placed inside this one: call sites must not cache it. */
    public boolean isContainer() {
        return container;
    }

    /** Marks this block as holding children; true the first time (the caller then evicts it from site caches). */
    public boolean markContainer() {
        if (container) {
            return false;
        }
        synchronized (this) {
            if (container) {
                return false;
            }
            container = true;
            return true;
        }
    }

    /** {@code Class.method(File.java:line)} of the allocation. */
    public String allocatedAt() {
        return allocation.site();
    }

    public String allocatedBy() {
        return allocation.thread();
    }

    /** True when the allocation ran through {@code className.method} (known when its stack was captured). */
    public boolean allocatedThrough(String className, String method) {
        return allocation.passesThrough(className, method);
    }

    /** The allocating stack, or null when stacks are off. */
    public List<String> allocationStack() {
        return allocation.frames();
    }

    /**
     * The hot path: {@code [address, address + length)} lies inside this block, and it is live. Written so that in a
     * loop the JIT can hoist everything but one unsigned compare of the offset, which has the shape of a range check
     * ({@code offset <u size - length + 1}): the state and length tests depend on nothing the loop changes.
     */
    public boolean covers(long address, long length) {
        return state == LIVE && length <= size && Long.compareUnsigned(address - base, size - length + 1) < 0;
    }

    public long end() {
        return base + size;
    }

    public int state() {
        return (int) STATE.getAcquire(this);
    }

    public boolean isLive() {
        return state() == LIVE;
    }

    /**
     * Records who freed it and how its memory goes back ({@code releaser}, null when nothing is to be done), then
     * publishes the new state. Returns false if it was not live.
     */
    boolean markFreed(Trace freedBy, Releaser releaser) {
        synchronized (this) {
            if (state != LIVE) {
                return false;
            }
            free = freedBy;
            this.releaser = releaser;
            STATE.setRelease(this, QUARANTINED);
            return true;
        }
    }

    /** How the memory goes back once the quarantine lets it go; null: the checker holds nothing. */
    Releaser releaser() {
        synchronized (this) {
            return releaser;
        }
    }

    void markReleased() {
        STATE.setRelease(this, RELEASED);
    }

    /** Moves a freed block to RELEASED; false if it already was (or never was freed). */
    boolean releaseOnce() {
        return STATE.compareAndSet(this, QUARANTINED, RELEASED);
    }

    Trace allocationTrace() {
        return allocation;
    }

    Trace freeTrace() {
        synchronized (this) {
            return free;
        }
    }

    public String freedAt() {
        return state() == LIVE ? null : free.site();
    }

    public String freedBy() {
        return state() == LIVE ? null : free.thread();
    }

    public List<String> freeStack() {
        return state() == LIVE ? null : free.frames();
    }

    /** {@code native allocation #412 (64 bytes at 0x…)}. */
    public String describe() {
        return kind + " #" + id + " (" + size + " bytes at " + Hex.address(base) + ")";
    }
}
