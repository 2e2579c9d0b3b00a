package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.check.ThreadContexts;

/**
 * Allocator context for code that keeps heap pointers in native memory it manages, like Go's {@code mallocing}.
 * The agent wraps the methods named in {@code allocators=} with {@link #enter()} / {@link #exit()}; code can also
 * use it directly:
 *
 * <pre>{@code
 * AllocatorContext.enter();
 * try { ... } finally { AllocatorContext.exit(); }
 * }</pre>
 */
public final class AllocatorContext {
    private AllocatorContext() {
    }

    public static void enter() {
        ThreadContexts.enterAllocator();
    }

    public static void exit() {
        ThreadContexts.exitAllocator();
    }

    public static boolean isActive() {
        return ThreadContexts.inAllocatorContext();
    }
}
