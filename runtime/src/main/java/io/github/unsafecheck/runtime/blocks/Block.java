package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.jdk.JdkSites;
import io.github.unsafecheck.runtime.raw.Hex;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One native allocation the checker saw: {@code [base, base + size)} for the program, followed by {@code redzone}
 * bytes the checker owns. Its history (where and by whom it was allocated and freed) is what reports tell.
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

    /** Where the memory came from. */
    public enum Origin {
        UNSAFE("native allocation"), DIRECT_BUFFER("direct ByteBuffer"), SEGMENT("native segment");

        private final String noun;

        Origin(String noun) {
            this.noun = noun;
        }

        public String noun() {
            return noun;
        }

        /** The memory an allocation call site hands out: the JDK's direct buffers and arenas, or the program's. */
        public static Origin ofSite(String site) {
            if (JdkSites.isDirectBufferSite(site)) {
                return DIRECT_BUFFER;
            }
            return JdkSites.isArenaSite(site) ? SEGMENT : UNSAFE;
        }
    }

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
    private final Trace allocation;

    private int state;
    private Trace free;

    Block(long id, long base, long size, long redzone, Origin origin, Trace allocation) {
        this.id = id;
        this.base = base;
        this.size = size;
        this.redzone = redzone;
        this.origin = origin;
        this.allocation = allocation;
    }

    /** {@code Class.method(File.java:line)} of the allocation. */
    public String allocatedAt() {
        return allocation.site();
    }

    public String allocatedBy() {
        return allocation.thread();
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

    /** Records who freed it, then publishes the new state. Returns false if it was not live. */
    boolean markFreed(Trace freedBy) {
        synchronized (this) {
            if (state != LIVE) {
                return false;
            }
            free = freedBy;
            STATE.setRelease(this, QUARANTINED);
            return true;
        }
    }

    void markReleased() {
        STATE.setRelease(this, RELEASED);
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
        return origin.noun() + " #" + id + " (" + size + " bytes at " + Hex.address(base) + ")";
    }
}
