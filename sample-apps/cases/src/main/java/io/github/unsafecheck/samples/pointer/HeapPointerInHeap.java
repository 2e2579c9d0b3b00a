package io.github.unsafecheck.samples.pointer;

import java.util.ArrayList;
import java.util.List;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * The good twin of {@link StaleHeapPointer} and {@link ReferenceIntoNative} (expect: none): the same Unsafe stores
 * of heap addresses and object references, but into the Java heap itself — a {@code long[]}, a field, an
 * {@code Object[]}. Whether a heap pointer inside the heap is right is the garbage collector's business, not the
 * checker's: a write with a non-null base object is heap memory, and it is allowed at the second question the
 * checker asks.
 */
public final class HeapPointerInHeap {
    static long lastAddress;

    public static void main(String[] args) throws NoSuchFieldException {
        List<String> names = new ArrayList<>(List.of("alice", "bob"));
        long address = addressOf(names);

        long[] addressTable = new long[4];
        U.putLong(addressTable, (long) U.arrayBaseOffset(long[].class), address);            // into a long[]
        U.putLongVolatile(addressTable, U.arrayBaseOffset(long[].class) + 8L, address);
        long field = U.staticFieldOffset(HeapPointerInHeap.class.getDeclaredField("lastAddress"));
        U.putLong(HeapPointerInHeap.class, field, address);                                   // into a static field

        Object[] slots = new Object[3];
        long base = U.arrayBaseOffset(Object[].class);
        long scale = U.arrayIndexScale(Object[].class);
        U.putObject(slots, base, names);                                                      // references into
        U.putOrderedObject(slots, base + scale, "carol");                                     // an Object[]
        U.compareAndSwapObject(slots, base + 2 * scale, null, names);
        U.putObject(slots, base, null);

        System.out.printf("stored the list's address 0x%x and references to it into the heap: %s%n",
                addressTable[0], slots[2]);
    }
}
