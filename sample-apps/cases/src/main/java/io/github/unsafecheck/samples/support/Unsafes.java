package io.github.unsafecheck.samples.support;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** sun.misc.Unsafe, obtained the way every off-heap library obtains it. */
public final class Unsafes {
    public static final Unsafe U;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Unsafes() {
    }

    /**
     * The address of an object, read the way buggy code reads it: the raw bits of a reference. Only an address
     * without compressed oops, so the samples run with {@code -XX:-UseCompressedOops}.
     */
    public static long addressOf(Object o) {
        if (U.arrayIndexScale(Object[].class) != 8) {
            throw new IllegalStateException("run with -XX:-UseCompressedOops: references are not addresses");
        }
        return U.getLong(new Object[] {o}, (long) U.arrayBaseOffset(Object[].class));
    }
}
