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
import io.github.unsafecheck.runtime.raw.RawMemory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * FFM downcalls to the C allocator, wrapped (see {@link DowncallHooks}). A downcall is recognised by the address it is
 * bound to — whatever lookup found it ({@code defaultLookup()}, {@code libraryLookup("libc.so.6", …)}), C's
 * {@code malloc} has one address — and by a signature that fits: pointers as {@code ADDRESS} or {@code JAVA_LONG}
 * (Netty binds {@code malloc} as {@code (JAVA_LONG)JAVA_LONG}), sizes as {@code JAVA_LONG} or {@code JAVA_INT}.
 * Anything else (another function, a {@code captureCallState} handle with its extra parameter) is left alone.
 *
 * <p>The wrapper has the downcall's exact type and calls it with the arguments adjusted as {@link FunctionHooks}
 * adjusts a declared function's: the size grown by the redzone, a tracked block's {@code realloc} made a fresh
 * allocation, a free held back while the block waits in quarantine. Blocks go back, when they leave it, through the
 * checker's own downcall to {@code free}.
 */
public final class Downcalls {
    private enum CFunction {
        MALLOC("malloc"), CALLOC("calloc"), REALLOC("realloc"), FREE("free"), ALIGNED_ALLOC("aligned_alloc"),
        POSIX_MEMALIGN("posix_memalign");

        final String symbol;

        CFunction(String symbol) {
            this.symbol = symbol;
        }
    }

    /** No library frames to skip: the wrapper's own frames are the checker's, the downcall's are hidden. */
    private static final String[] NO_LIBRARY = new String[0];
    private static final MethodHandle CALL;
    private static volatile Map<Long, CFunction> byAddress;
    private static volatile MethodHandle cFree;

    static {
        UnsafeCheckRuntime.reporter();
        try {
            CALL = MethodHandles.lookup().findVirtual(Wrapper.class, "call",
                    MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Downcalls() {
    }

    /** {@code downcallHandle(symbol, descriptor, …)} returned {@code handle}: the handle to give the program. */
    public static Object wrap(Object symbol, Object descriptor, Object handle) {
        MethodHandle h = (MethodHandle) handle;
        if (!(symbol instanceof MemorySegment s) || !s.isNative()) {
            return h;
        }
        CFunction f = addresses().get(s.address());
        if (f == null || !fits(f, h.type())) {
            return h;
        }
        return MethodHandles.insertArguments(CALL, 0, new Wrapper(f, h)).asCollector(Object[].class,
                h.type().parameterCount()).asType(h.type());
    }

    /** The addresses of C's allocation functions, found once through the default lookup. */
    private static Map<Long, CFunction> addresses() {
        Map<Long, CFunction> m = byAddress;
        if (m == null) {
            m = new HashMap<>();
            SymbolLookup libc = Linker.nativeLinker().defaultLookup();
            for (CFunction f : CFunction.values()) {
                Optional<MemorySegment> found = libc.find(f.symbol);
                if (found.isPresent()) {
                    m.putIfAbsent(found.get().address(), f);
                }
            }
            byAddress = m;
        }
        return m;
    }

    private static boolean fits(CFunction f, MethodType t) {
        switch (f) {
            case MALLOC:
                return t.parameterCount() == 1 && isSize(t, 0) && isPointer(t.returnType());
            case CALLOC:
            case ALIGNED_ALLOC:
                return t.parameterCount() == 2 && isSize(t, 0) && isSize(t, 1) && isPointer(t.returnType());
            case REALLOC:
                return t.parameterCount() == 2 && isPointer(t.parameterType(0)) && isSize(t, 1)
                        && isPointer(t.returnType());
            case FREE:
                return t.parameterCount() == 1 && isPointer(t.parameterType(0));
            case POSIX_MEMALIGN:
                return t.parameterCount() == 3 && isPointer(t.parameterType(0)) && isSize(t, 1) && isSize(t, 2)
                        && t.returnType() == int.class;
            default:
                return false;
        }
    }

    private static boolean isPointer(Class<?> c) {
        return c == MemorySegment.class || c == long.class;
    }

    private static boolean isSize(MethodType t, int i) {
        return t.parameterType(i) == long.class || t.parameterType(i) == int.class;
    }

    /** The checker's own {@code free}, for quarantined blocks leaving: made in checker context, so never wrapped. */
    private static MethodHandle cFree() {
        MethodHandle h = cFree;
        if (h == null) {
            ThreadContexts.enterChecker();
            try {
                Linker linker = Linker.nativeLinker();
                h = linker.downcallHandle(linker.defaultLookup().find("free").orElseThrow(),
                        FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
                cFree = h;
            } finally {
                ThreadContexts.exitChecker();
            }
        }
        return h;
    }

    /** Releases a quarantined block through C's {@code free}. */
    private static final class CFree implements Block.Releaser {
        static final CFree INSTANCE = new CFree();

        @Override
        public void release(long base) {
            try {
                cFree().invokeExact(base);
            } catch (Throwable t) {
                throw new IllegalStateException("unsafecheck: C free of a quarantined block failed", t);
            }
        }
    }

    /** One wrapped downcall. */
    private static final class Wrapper {
        private final CFunction f;
        private final MethodHandle target;
        private final String name;
        private final String kind;

        Wrapper(CFunction f, MethodHandle target) {
            this.f = f;
            this.target = target;
            this.name = f.symbol + " (FFM downcall)";
            this.kind = f.symbol + " block";
        }

        Object call(Object[] args) throws Throwable {
            if (ThreadContexts.inCheckerContext()) {
                return target.invokeWithArguments(args);
            }
            switch (f) {
                case MALLOC:
                    return allocate(args, 0, size(args[0]));
                case CALLOC: {
                    long count = size(args[0]);
                    long each = size(args[1]);
                    long total = count > 0 && each > 0 && Math.multiplyHigh(count, each) == 0 && count * each > 0
                            ? count * each : -1;
                    long redzone = Allocations.get().redzone();
                    if (total > 0 && fits(args[1], total + redzone)) {
                        Object[] call = args.clone();
                        call[0] = box(args[0], 1);
                        call[1] = box(args[1], total + redzone);
                        Object r = target.invokeWithArguments(call);
                        track(address(r), total, redzone);
                        return r;
                    }
                    return target.invokeWithArguments(args);
                }
                case ALIGNED_ALLOC: {
                    long redzone = FunctionHooks.alignedRedzone(Allocations.get().redzone(), size(args[0]));
                    return allocateWith(args, 1, size(args[1]), redzone);
                }
                case REALLOC:
                    return realloc(args);
                case FREE:
                    return free(args);
                case POSIX_MEMALIGN:
                    return posixMemalign(args);
                default:
                    throw new AssertionError(f);
            }
        }

        private Object allocate(Object[] args, int sizeIndex, long n) throws Throwable {
            return allocateWith(args, sizeIndex, n, Allocations.get().redzone());
        }

        private Object allocateWith(Object[] args, int sizeIndex, long n, long redzone) throws Throwable {
            if (n <= 0 || !fits(args[sizeIndex], n + redzone)) {
                return target.invokeWithArguments(args);
            }
            Object[] call = args.clone();
            call[sizeIndex] = box(args[sizeIndex], n + redzone);
            Object r = target.invokeWithArguments(call);
            track(address(r), n, redzone);
            return r;
        }

        /** A tracked block is always moved: malloc a new one (realloc of NULL), copy, quarantine the old. */
        private Object realloc(Object[] args) throws Throwable {
            long p = address(args[0]);
            long n = size(args[1]);
            Allocations a = Allocations.get();
            Block old = p == 0 ? null : a.at(p);
            if (old == null) {
                return allocate(args, 1, n); // NULL or memory the checker never saw: realloc as asked, track the result
            }
            if (!old.isLive()) {
                Outcome.free(MemoryCheck.free(p, false), name, p, false);
            } else if (n == 0) {
                quarantine(old);
                return pointerLike(args[0], 0);
            }
            Object[] call = args.clone();
            call[0] = pointerLike(args[0], 0);
            Object r = allocate(call, 1, n);
            long fresh = address(r);
            if (fresh != 0 && old.isLive()) {
                RawMemory.copy(old.base, fresh, Math.min(old.size, n));
                quarantine(old);
            }
            return r;
        }

        private Object free(Object[] args) throws Throwable {
            long p = address(args[0]);
            if (p == 0) {
                return target.invokeWithArguments(args);
            }
            MemoryFinding found = MemoryCheck.free(p, UnsafeCheckRuntime.options().strict());
            if (found.allowed()) {
                if (found.block() == null || quarantine(found.block())) {
                    return target.invokeWithArguments(args);
                }
                return null;
            }
            Outcome.free(found, name, p, false);
            // A double or invalid free of a tracked block never reaches free (glibc would abort); memory the checker
            // never saw passes through.
            return found.block() == null ? target.invokeWithArguments(args) : null;
        }

        private Object posixMemalign(Object[] args) throws Throwable {
            long slot = address(args[0]);
            long n = size(args[2]);
            long redzone = FunctionHooks.alignedRedzone(Allocations.get().redzone(), size(args[1]));
            if (slot == 0 || n <= 0 || !fits(args[2], n + redzone)) {
                return target.invokeWithArguments(args);
            }
            Object[] call = args.clone();
            call[2] = box(args[2], n + redzone);
            Object r = target.invokeWithArguments(call);
            if (((Integer) r) == 0) {
                track(RawMemory.getLong(slot), n, redzone);
            }
            return r;
        }

        /** True if the caller must free now (no quarantine). */
        private boolean quarantine(Block b) {
            Allocations a = Allocations.get();
            boolean callerFrees;
            try {
                callerFrees = a.free(b, Trace.inside(NO_LIBRARY, a.recordsStacks()), CFree.INSTANCE);
            } catch (IllegalStateException raced) {
                return false;
            }
            DanglingPointerRule.freed(b, name);
            return callerFrees;
        }

        private void track(long address, long n, long redzone) {
            if (address == 0 || n <= 0) {
                return;
            }
            ThreadContexts.enterAllocator();
            try {
                Allocations a = Allocations.get();
                a.trackInside(address, n, redzone, Block.Origin.FUNCTION, kind,
                        Trace.inside(NO_LIBRARY, a.recordsStacks()));
            } finally {
                ThreadContexts.exitAllocator();
            }
        }
    }

    private static long address(Object pointer) {
        if (pointer instanceof MemorySegment s) {
            return s.address();
        }
        return pointer == null ? 0 : (Long) pointer;
    }

    private static Object pointerLike(Object example, long address) {
        return example instanceof MemorySegment ? MemorySegment.ofAddress(address) : (Object) address;
    }

    private static long size(Object v) {
        return v instanceof Integer i ? i : (Long) v;
    }

    private static boolean fits(Object example, long value) {
        return !(example instanceof Integer) || value <= Integer.MAX_VALUE;
    }

    private static Object box(Object example, long value) {
        return example instanceof Integer ? (Object) (int) value : (Object) value;
    }
}
