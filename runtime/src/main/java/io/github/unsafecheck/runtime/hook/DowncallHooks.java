package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.check.ThreadContexts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hook woven into FFM's {@code Linker.downcallHandle(symbol, descriptor, options…)} (JDK 22+): a downcall bound to
 * the C allocator — {@code malloc}, {@code calloc}, {@code realloc}, {@code free}, {@code aligned_alloc},
 * {@code posix_memalign} — comes back wrapped, so that what it allocates is tracked and what it frees is judged, as
 * for {@code allocateMemory} (how Netty 4.2 allocates on JDK 24+ with native access, and how FFM code ports C habits).
 * Any other downcall comes back as it was.
 *
 * <p>This class is compiled for JDK 17 (the advice that calls it is woven by an instrumenter built for 17); the work is
 * done by {@code Downcalls}, JDK 22 bytecode in the same runtime, found once by name.
 *
 * <p>Not an API for application code: the signature is a contract with the instrumenter only.
 */
public final class DowncallHooks {
    private static final AtomicBoolean FAILURE_SHOWN = new AtomicBoolean();
    private static volatile MethodHandle impl;
    private static volatile boolean missing;

    private DowncallHooks() {
    }

    /** The handle {@code downcallHandle} returns: {@code handle} itself, or a wrapper around it. */
    public static Object wrap(Object symbol, Object descriptor, Object handle) {
        if (handle == null || ThreadContexts.inCheckerContext()) {
            return handle; // the checker's own downcalls (its free for quarantined blocks) stay as they are
        }
        MethodHandle w = impl();
        if (w == null) {
            return handle;
        }
        try {
            return w.invoke(symbol, descriptor, handle);
        } catch (Throwable t) {
            if (FAILURE_SHOWN.compareAndSet(false, true)) {
                System.err.println("unsafecheck: cannot wrap an FFM downcall to the C allocator (" + t
                        + "); its memory is not tracked");
            }
            return handle;
        }
    }

    private static MethodHandle impl() {
        MethodHandle w = impl;
        if (w != null || missing) {
            return w;
        }
        try {
            Class<?> c = Class.forName("io.github.unsafecheck.runtime.hook.Downcalls", true,
                    DowncallHooks.class.getClassLoader());
            w = MethodHandles.lookup().findStatic(c, "wrap",
                    MethodType.methodType(Object.class, Object.class, Object.class, Object.class));
            impl = w;
            return w;
        } catch (ReflectiveOperationException | LinkageError e) {
            missing = true; // a JDK before 22: no FFM downcalls to wrap
            return null;
        }
    }
}
