package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.DanglingPointerRule;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.Outcome;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.config.TrackedFunction.Role;
import io.github.unsafecheck.runtime.raw.RawMemory;

/**
 * The hooks woven into allocation and free functions named by role — declared with {@code track=}, or built in for
 * LWJGL's {@code nmemAlloc} family and JNA's {@code Native.malloc}/{@code free} — with Byte Buddy advice inlined into
 * the function itself. Their memory gets what {@code allocateMemory}'s gets:
 *
 * <pre>
 *   alloc(n)            → alloc(n + redzone), then the block [a, a + n) is tracked with its redzone after it
 *   calloc(c, n)        → calloc(1, c·n + redzone)
 *   aligned-alloc(a, n) → aligned-alloc(a, n + the redzone rounded up to a)
 *   realloc(p, n)       → a tracked p: realloc(0, n + redzone) — malloc — then p's bytes are copied and p freed
 *                         into quarantine (always moved, so writes through p are caught), to be released later by
 *                         the class's free function; realloc(p, 0) frees p
 *   free(p)             → skipped while p waits in quarantine; a double or invalid free never reaches the function
 * </pre>
 *
 * Each hook receives the resolved entry ({@link DeclaredFunction}) as a constant and the call's arguments boxed (an
 * allocation costs microseconds of tracking; the boxing is noise). Memory the checker never saw passes through
 * untouched; so does everything the checker itself calls (releasing a quarantined block calls the free function
 * again, in checker context), and every hooked function called from inside another on the same thread — a
 * {@code realloc} built on {@code alloc} and {@code free} is one operation, tracked once.
 *
 * <p>The "before" hooks count the thread's depth in hooked functions, also when they throw (they undo it first); the
 * "after" hooks, which the advice runs also when the function throws, undo it. A "before" hook says "leave the call
 * alone" by handing back {@link #LEAVE} (not the array it got: the advice may build a new array each time it reads
 * its arguments).
 *
 * <p>Not an API for application code: the signatures are a contract with the instrumenter only.
 */
public final class FunctionHooks {
    static {
        UnsafeCheckRuntime.reporter();
    }

    /** What a "before" hook returns for a call it leaves alone (nested, or the checker's own). */
    public static final Object[] LEAVE = new Object[0];

    private FunctionHooks() {
    }

    // ---- alloc, calloc, aligned-alloc -------------------------------------------------------------------------

    /** The arguments to call an allocating function with (the size grown by the redzone), or {@link #LEAVE}. */
    public static Object[] allocating(String spec, Object[] args) {
        if (!ThreadContexts.enterFunction() || ThreadContexts.inCheckerContext()) {
            return LEAVE;
        }
        try {
            return grown(DeclaredFunction.of(spec), args);
        } catch (RuntimeException | Error e) {
            ThreadContexts.exitFunction();
            throw e;
        }
    }

    private static Object[] grown(DeclaredFunction f, Object[] args) {
        Object[] out = args.clone();
        long redzone = Allocations.get().redzone();
        switch (f.role) {
            case ALLOC:
                grow(f, out, "size", redzone);
                break;
            case ALIGNED_ALLOC:
                grow(f, out, "size", alignedRedzone(redzone, f.get(args, "alignment")));
                break;
            case CALLOC: {
                long total = total(f, args);
                if (total > 0 && total <= f.max("size") - redzone && f.set(out, "count", 1)) {
                    f.set(out, "size", total + redzone);
                }
                break;
            }
            default:
                throw new IllegalArgumentException(f.entry.spec() + " is not an allocating function");
        }
        return out;
    }

    /**
     * After an allocating function returned (or threw: {@code thrown}): tracks what it returned, unless the call was
     * left alone ({@link #LEAVE}). {@code asked} holds the program's own arguments.
     */
    public static void allocated(String spec, long address, Throwable thrown, Object[] asked, Object[] called) {
        ThreadContexts.exitFunction();
        if (address == 0 || thrown != null || called == LEAVE) {
            return;
        }
        DeclaredFunction f = DeclaredFunction.of(spec);
        long n = f.role == Role.CALLOC ? total(f, asked) : f.get(asked, "size");
        long got = f.role == Role.CALLOC ? total(f, called) : f.get(called, "size");
        track(f, address, n, Math.max(0, got - n));
    }

    // ---- realloc ---------------------------------------------------------------------------------------------

    /**
     * The arguments to call a reallocating function with, {@link #LEAVE}, or null to skip the call (it then returns
     * 0): a tracked
     * block is never grown in place — the call becomes a fresh allocation and {@link #reallocated} moves the bytes —
     * and {@code realloc(p, 0)} of a tracked block is its free. Reallocating a freed block is a double free:
     * reported, then (unless thrown) a fresh allocation that leaves the freed block alone.
     */
    public static Object[] reallocating(String spec, String freeSpec, Class<?> declaring, Object self,
            Object[] args) {
        if (!ThreadContexts.enterFunction() || ThreadContexts.inCheckerContext()) {
            return LEAVE;
        }
        try {
            return moved(DeclaredFunction.of(spec), freeSpec, declaring, self, args);
        } catch (RuntimeException | Error e) {
            ThreadContexts.exitFunction();
            throw e;
        }
    }

    private static Object[] moved(DeclaredFunction f, String freeSpec, Class<?> declaring, Object self,
            Object[] args) {
        long pointer = f.get(args, "pointer");
        long n = f.get(args, "size");
        Object[] out = args.clone();
        Block old = pointer == 0 ? null : Allocations.get().at(pointer);
        if (old != null) {
            if (!old.isLive()) {
                Outcome.free(MemoryCheck.free(pointer, false), f.name, pointer, false);
            } else if (n == 0) {
                return releaseMoved(freeSpec, declaring, self, old) ? out : null;
            }
            f.set(out, "pointer", 0);
        }
        if (n > 0) {
            grow(f, out, "size", Allocations.get().redzone());
        }
        return out;
    }

    /**
     * After a reallocating call (skipped, returned or threw): copies and quarantines the old block, tracks the new
     * one — unless the call was left alone or failed.
     */
    public static void reallocated(String spec, String freeSpec, Class<?> declaring, Object self, long address,
            Throwable thrown, Object[] asked, Object[] called) {
        ThreadContexts.exitFunction();
        if (called == null || called == LEAVE || thrown != null) {
            return;
        }
        DeclaredFunction f = DeclaredFunction.of(spec);
        long pointer = f.get(asked, "pointer");
        long n = f.get(asked, "size");
        Allocations a = Allocations.get();
        Block old = pointer == 0 ? null : a.at(pointer);
        boolean moved = f.get(called, "pointer") == 0 && pointer != 0;
        if (old != null && old.isLive() && moved) {
            if (address != 0) {
                RawMemory.copy(old.base, address, Math.min(old.size, n));
                if (releaseMoved(freeSpec, declaring, self, old)) {
                    callFree(freeSpec, declaring, self, old.base);
                }
            }
            // realloc failed (0): the old block stays the program's, as C's realloc leaves it.
        }
        if (address != 0) {
            track(f, address, n, Math.max(0, f.get(called, "size") - n));
        }
    }

    // ---- free ------------------------------------------------------------------------------------------------

    /**
     * Before a free function runs: true to skip it — the block stays in quarantine (the function is called again
     * when it leaves), or the free is a double or invalid free of a tracked block, which must never reach the
     * allocator (glibc aborts on a double free). {@code self} is the receiver (null for a static function).
     */
    public static boolean freeing(String spec, Class<?> declaring, Object self, Object[] args) {
        if (!ThreadContexts.enterFunction() || ThreadContexts.inCheckerContext()) {
            return false;
        }
        try {
            return judgeFree(DeclaredFunction.of(spec), declaring, self, args);
        } catch (RuntimeException | Error e) {
            ThreadContexts.exitFunction();
            throw e;
        }
    }

    /** After a free function (skipped, returned or threw). */
    public static void freed() {
        ThreadContexts.exitFunction();
    }

    private static boolean judgeFree(DeclaredFunction f, Class<?> declaring, Object self, Object[] args) {
        long pointer = f.get(args, "pointer");
        if (pointer == 0) {
            return false;
        }
        MemoryFinding found = MemoryCheck.free(pointer, UnsafeCheckRuntime.options().strict());
        if (found.allowed()) {
            Block b = found.block();
            return b != null && !release(f, b, declaring, self, args);
        }
        Outcome.free(found, f.name, pointer, false);
        return found.block() != null;
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /**
     * Frees a live block into quarantine, to be released later by calling {@code f} again as the program did (or,
     * for a block a reallocation moved, by the block's own free, which the program will never call: the releaser
     * then is Unsafe's, see below). Returns true if the caller must let the free go ahead now.
     */
    private static boolean release(DeclaredFunction f, Block b, Class<?> declaring, Object self, Object[] args) {
        return release(f, b, Releasers.callAgain(f, declaring, self, args));
    }

    /**
     * The old block of a reallocation, which the program never frees again: released later by the class's own free
     * function ({@code freeSpec}, a one-argument free the instrumenter found next to the realloc function), with the
     * realloc's receiver. True if the caller must free it now.
     */
    private static boolean releaseMoved(String freeSpec, Class<?> declaring, Object self, Block old) {
        DeclaredFunction free = DeclaredFunction.of(freeSpec);
        Object[] args = new Object[] {old.base};
        return release(free, old, Releasers.callAgain(free, declaring, self, args));
    }

    /** Calls the class's free function on {@code base} now, in checker context (no quarantine could hold it). */
    private static void callFree(String freeSpec, Class<?> declaring, Object self, long base) {
        DeclaredFunction free = DeclaredFunction.of(freeSpec);
        Block.Releaser now = Releasers.callAgain(free, declaring, self, new Object[] {base});
        if (now != null) {
            now.release(base);
        }
    }

    private static boolean release(DeclaredFunction f, Block b, Block.Releaser releaser) {
        Allocations a = Allocations.get();
        Trace trace = Trace.inside(f.library, a.recordsStacks());
        boolean callerFrees;
        try {
            callerFrees = releaser == null ? a.freeNow(b, trace) : a.free(b, trace, releaser);
        } catch (IllegalStateException raced) {
            return false; // freed concurrently by another thread: that free won
        }
        DanglingPointerRule.freed(b, f.name);
        return callerFrees;
    }

    private static void track(DeclaredFunction f, long address, long n, long redzone) {
        if (n <= 0) {
            return;
        }
        ThreadContexts.enterAllocator();
        try {
            Allocations a = Allocations.get();
            a.trackInside(address, n, redzone, Block.Origin.FUNCTION, f.kind,
                    Trace.inside(f.library, a.recordsStacks()));
        } finally {
            ThreadContexts.exitAllocator();
        }
    }

    private static void grow(DeclaredFunction f, Object[] out, String part, long redzone) {
        long n = f.get(out, part);
        if (n > 0 && n <= f.max(part) - redzone) {
            f.set(out, part, n + redzone);
        }
    }

    /** count × size, or -1 when it overflows (calloc then fails on its own). */
    private static long total(DeclaredFunction f, Object[] args) {
        long c = f.get(args, "count");
        long s = f.get(args, "size");
        if (c <= 0 || s <= 0 || Math.multiplyHigh(c, s) != 0 || c * s < 0) {
            return -1;
        }
        return c * s;
    }

    /** The redzone rounded up to a power-of-two alignment (aligned_alloc wants a multiple), at most 4 KiB. */
    static long alignedRedzone(long redzone, long alignment) {
        if (redzone == 0 || alignment <= 0 || (alignment & (alignment - 1)) != 0 || alignment > 4096) {
            return redzone;
        }
        return (redzone + alignment - 1) & -alignment;
    }
}
