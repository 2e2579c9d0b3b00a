package io.github.unsafecheck.benchmarks.support;

import sun.misc.Unsafe;

import java.lang.reflect.Field;

/**
 * {@code sun.misc.Unsafe}, as libraries reach it. The stores themselves are written out in each benchmark method, not
 * here: the agent rewrites the call site where it stands, and it must stand in the measured method.
 */
public final class UnsafeAccess {
    public static final Unsafe UNSAFE = find();

    private UnsafeAccess() {
    }

    private static Unsafe find() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
