package io.github.unsafecheck.instrumenter.samples;

import java.lang.reflect.Field;
import java.util.function.LongConsumer;
import sun.misc.Unsafe;

/** Loaded through an instrumenting class loader by the tests: each method is one kind of call site. */
public final class UnsafeSample {
    static final Unsafe U;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static long putAddress(long slot, long value) {
        U.putAddress(slot, value);
        return U.getAddress(slot);
    }

    public static void putLongNullBase(long slot, long value) {
        U.putLong(null, slot, value);
    }

    public static boolean cas(long slot, long expected, long value) {
        return U.compareAndSwapLong(null, slot, expected, value);
    }

    public static long getAndSet(long slot, long value) {
        return U.getAndSetLong(null, slot, value);
    }

    /** Many locals and a long on the stack under the call: the spill slots must not clash with them. */
    public static long manyLocals(long slot, long value, int a, double b, Object c) {
        long before = a + (long) b + (c == null ? 0 : 1);
        U.putLong(slot, value);
        long after = U.getLong(slot);
        return before + after;
    }

    public static void putObject(long slot, Object value) {
        U.putObject(null, slot, value);
    }

    public static Object getAndSetObject(Object[] array, Object value) {
        return U.getAndSetObject(array, (long) U.arrayBaseOffset(Object[].class), value);
    }

    public static boolean casObject(Object[] array, Object expected, Object value) {
        return U.compareAndSwapObject(array, (long) U.arrayBaseOffset(Object[].class), expected, value);
    }

    public static void inLambda(long slot, long value) {
        Runnable r = () -> U.putAddress(slot, value);
        r.run();
    }

    /** A method reference has no call site to rewrite: the census reports it as skipped. */
    public static LongConsumer methodReference(long slot) {
        return v -> { };
    }

    public static LongConsumer freeReference() {
        return U::freeMemory;
    }

    public static java.util.function.BiConsumer<Long, Long> putAddressReference() {
        return U::putAddress;
    }
}
