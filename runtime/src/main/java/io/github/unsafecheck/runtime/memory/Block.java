package io.github.unsafecheck.runtime.memory;

import io.github.unsafecheck.runtime.report.Hex;

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
    public final String allocatedAt;
    public final String allocatedBy;
    /** The allocating stack, or null when stacks are off. */
    public final List<String> allocationStack;

    private int state;
    private String freedAt;
    private String freedBy;
    private List<String> freeStack;

    Block(long id, long base, long size, long redzone, Origin origin, String allocatedAt, String allocatedBy,
            List<String> allocationStack) {
        this.id = id;
        this.base = base;
        this.size = size;
        this.redzone = redzone;
        this.origin = origin;
        this.allocatedAt = allocatedAt;
        this.allocatedBy = allocatedBy;
        this.allocationStack = allocationStack;
    }

    /** The hot path: {@code [address, address + length)} lies inside this block, and it is live. Two compares. */
    public boolean covers(long address, long length) {
        long offset = address - base;
        return offset >= 0 && offset <= size - length && state == LIVE;
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
    boolean markFreed(String site, String thread, List<String> stack) {
        synchronized (this) {
            if (state != LIVE) {
                return false;
            }
            freedAt = site;
            freedBy = thread;
            freeStack = stack;
            STATE.setRelease(this, QUARANTINED);
            return true;
        }
    }

    void markReleased() {
        STATE.setRelease(this, RELEASED);
    }

    public String freedAt() {
        return state() == LIVE ? null : freedAt;
    }

    public String freedBy() {
        return state() == LIVE ? null : freedBy;
    }

    public List<String> freeStack() {
        return state() == LIVE ? null : freeStack;
    }

    /** {@code native allocation #412 (64 bytes at 0x…)}. */
    public String describe() {
        return origin.noun() + " #" + id + " (" + size + " bytes at " + Hex.address(base) + ")";
    }
}
