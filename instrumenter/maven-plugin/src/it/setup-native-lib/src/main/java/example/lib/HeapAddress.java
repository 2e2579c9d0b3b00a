package example.lib;

import static example.lib.Unsafes.U;

/**
 * The current address of a heap object: the raw bits of a reference in an Object[] slot, which is a plain address
 * when the JVM runs with -XX:-UseCompressedOops (the tests' surefire argLine says so).
 */
public final class HeapAddress {
    private HeapAddress() {
    }

    public static long of(Object o) {
        if (U.arrayIndexScale(Object[].class) != 8) {
            throw new IllegalStateException("run with -XX:-UseCompressedOops: compressed references are no addresses");
        }
        Object[] holder = {o};
        return U.getLong(holder, (long) U.arrayBaseOffset(Object[].class));
    }
}
