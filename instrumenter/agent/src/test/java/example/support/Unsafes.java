package example.support;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/** The sun.misc.Unsafe instance, as every off-heap library gets it. */
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
}
