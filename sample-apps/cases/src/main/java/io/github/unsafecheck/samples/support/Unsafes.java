package io.github.unsafecheck.samples.support;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import sun.misc.Unsafe;

/** sun.misc.Unsafe, obtained the way every off-heap library obtains it, and the addresses such libraries read. */
public final class Unsafes {
    public static final Unsafe U;
    private static final long BUFFER_ADDRESS;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            U = (Unsafe) f.get(null);
            BUFFER_ADDRESS = U.objectFieldOffset(Buffer.class.getDeclaredField("address"));
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

    /** The native address of a direct buffer's first byte, read from {@code Buffer.address} as Netty and Agrona do. */
    public static long addressOf(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return U.getLong(direct, BUFFER_ADDRESS);
    }
}
