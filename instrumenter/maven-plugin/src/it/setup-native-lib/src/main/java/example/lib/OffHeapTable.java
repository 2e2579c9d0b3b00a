package example.lib;

import static example.lib.Unsafes.U;

/** A library bug: it keeps the address of a Java object in native memory, where the GC cannot update it. */
public final class OffHeapTable {
    private OffHeapTable() {
    }

    /** Returns whether the store went ahead. */
    public static boolean rememberInNativeMemory(Object o) {
        long slot = U.allocateMemory(8);
        try {
            U.putLong(slot, HeapAddress.of(o)); // unsafecheck: violation
            return true;
        } finally {
            U.freeMemory(slot);
        }
    }
}
