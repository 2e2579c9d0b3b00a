package example.lib;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** sun.misc.Unsafe, as libraries get it. */
public final class Unsafes {
    public static final Unsafe U = load();

    private Unsafes() {
    }

    private static Unsafe load() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
