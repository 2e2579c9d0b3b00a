package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.check.ThreadContexts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a block freed by a hooked free function finally goes back when it leaves the quarantine: by calling that same
 * function again, with the arguments (and receiver) of the program's call, in checker context, where the hook lets it
 * through. So LWJGL's memory goes back through whichever allocator LWJGL runs on (system, jemalloc, rpmalloc), JNA's
 * through {@code Native.free}, a declared pool's through its own {@code free}.
 *
 * <p>The call happens later and on whichever thread frees next: a free function that must run on its own thread, or
 * before its pool is destroyed, should be declared with {@code quarantine=0} or use {@code ManagedMemory} instead.
 */
final class Releasers {
    private static final ConcurrentHashMap<String, MethodHandle> HANDLES = new ConcurrentHashMap<>();
    private static final AtomicBoolean FAILURE_SHOWN = new AtomicBoolean();

    private Releasers() {
    }

    /**
     * A releaser that calls {@code f} again as the program called it, or null when the method cannot be reached
     * (then the caller lets the program's free go ahead at once: no quarantine for that block).
     */
    static Block.Releaser callAgain(DeclaredFunction f, Class<?> declaring, Object self, Object[] args) {
        MethodHandle mh = handle(f, declaring);
        if (mh == null) {
            return null;
        }
        Object[] call = new Object[args.length + (self == null ? 0 : 1)];
        if (self != null) {
            call[0] = self;
        }
        System.arraycopy(args, 0, call, self == null ? 0 : 1, args.length);
        return new CallAgain(mh, call, f.name);
    }

    private static MethodHandle handle(DeclaredFunction f, Class<?> declaring) {
        if (declaring == null) {
            return null;
        }
        String key = declaring.getName() + "@" + System.identityHashCode(declaring.getClassLoader()) + "#"
                + f.entry.spec();
        MethodHandle mh = HANDLES.get(key);
        if (mh == null) {
            mh = lookup(f, declaring);
            if (mh != null) {
                HANDLES.putIfAbsent(key, mh);
            }
        }
        return mh;
    }

    private static MethodHandle lookup(DeclaredFunction f, Class<?> declaring) {
        try {
            MethodType type = MethodType.fromMethodDescriptorString(f.entry.descriptor(), declaring.getClassLoader());
            java.lang.reflect.Method m = declaring.getDeclaredMethod(f.entry.methodName(), type.parameterArray());
            MethodHandles.Lookup lookup;
            try {
                lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
            } catch (IllegalAccessException | SecurityException notOpen) {
                lookup = MethodHandles.publicLookup();
            }
            return Modifier.isStatic(m.getModifiers()) ? lookup.findStatic(declaring, m.getName(), type)
                    : lookup.findVirtual(declaring, m.getName(), type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (FAILURE_SHOWN.compareAndSet(false, true)) {
                System.err.println("unsafecheck: cannot call " + f.entry.spec() + " again to release quarantined "
                        + "memory (" + e + "); its frees go ahead at once, without quarantine");
            }
            return null;
        }
    }

    /** The program's free call, made again when the block leaves the quarantine. */
    private static final class CallAgain implements Block.Releaser {
        private final MethodHandle handle;
        private final Object[] call;
        private final String name;

        CallAgain(MethodHandle handle, Object[] call, String name) {
            this.handle = handle;
            this.call = call;
            this.name = name;
        }

        @Override
        public void release(long base) {
            ThreadContexts.enterChecker();
            try {
                handle.invokeWithArguments(call);
            } catch (Throwable t) {
                // Not the program's free that failed but ours, later: say so once, never throw into another free.
                if (FAILURE_SHOWN.compareAndSet(false, true)) {
                    System.err.println("unsafecheck: releasing quarantined memory through " + name + " failed: " + t);
                }
            } finally {
                ThreadContexts.exitChecker();
            }
        }
    }
}
