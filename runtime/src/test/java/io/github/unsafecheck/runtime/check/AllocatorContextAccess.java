package io.github.unsafecheck.runtime.check;

/** Runs test code in allocator context. */
final class AllocatorContextAccess {
    private AllocatorContextAccess() {
    }

    static void run(Runnable r) {
        ThreadContexts.enterAllocator();
        try {
            r.run();
        } finally {
            ThreadContexts.exitAllocator();
        }
    }
}
