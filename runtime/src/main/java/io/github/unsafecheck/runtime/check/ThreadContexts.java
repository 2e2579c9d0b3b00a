package io.github.unsafecheck.runtime.check;

/**
 * Per-thread state the rules consult after the cheap tests have already suspected a violation.
 *
 * <ul>
 *   <li><b>checker context</b> — Go's "running on the system stack": the thread is inside the checker itself (building
 *   a report, writing the JSON file, running the exit summary). Anything it writes is the checker's business, and a
 *   nested check must not recurse into another report.
 *   <li><b>allocator context</b> — Go's {@code m.mallocing != 0}: the thread is inside an allocator (the agent's own
 *   allocation hooks, or a method the user declared with {@code allocators=}), which may keep heap pointers in the
 *   native memory it manages. It exempts the pointer rule only ({@link PointerRule} step 4), as Go's
 *   {@code mallocing} exempts only the pointer check: an allocator's writes past the end of a block, or into a freed
 *   one, are still reported by {@link MemoryRule}. A depth counter, because allocators nest.
 *   <li><b>managing context</b> — a pool or allocator is doing its own bookkeeping in memory it has poisoned or freed
 *   through {@code ManagedMemory} (the free-list link a pool writes into a chunk it just took back; HotSpot's
 *   Metaspace needed the same exemption for its own accesses to poisoned chunks). It exempts exactly those writes
 *   (and reads): into poison, and into blocks the program freed through {@code ManagedMemory}. Overflows, and
 *   writes into memory freed by any other allocator, are still reported.
 * </ul>
 */
public final class ThreadContexts {
    private static final class State {
        int checker;
        int allocator;
        int managing;
        int functions;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private ThreadContexts() {
    }

    public static boolean inCheckerContext() {
        return STATE.get().checker > 0;
    }

    public static boolean inAllocatorContext() {
        return STATE.get().allocator > 0;
    }

    public static boolean inManagingContext() {
        return STATE.get().managing > 0;
    }

    public static void enterManaging() {
        STATE.get().managing++;
    }

    public static void exitManaging() {
        State s = STATE.get();
        if (s.managing > 0) {
            s.managing--;
        }
    }

    /**
     * Enters a hooked allocation or free function; true when it is the outermost on this thread. A declared function
     * that calls another one ({@code realloc} built on {@code alloc} and {@code free}) is one operation: only the
     * outermost is tracked, the inner calls are its implementation.
     */
    public static boolean enterFunction() {
        return ++STATE.get().functions == 1;
    }

    public static void exitFunction() {
        State s = STATE.get();
        if (s.functions > 0) {
            s.functions--;
        }
    }

    public static void enterChecker() {
        STATE.get().checker++;
    }

    public static void exitChecker() {
        STATE.get().checker--;
    }

    public static void enterAllocator() {
        STATE.get().allocator++;
    }

    public static void exitAllocator() {
        State s = STATE.get();
        if (s.allocator > 0) {
            s.allocator--;
        }
    }
}
