package example.pointer;

import example.support.RealAddress;

import static example.support.Unsafes.U;

/**
 * Correct code: native pointers into native memory, heap pointers into the heap, data of every kind. The checker
 * must stay silent (expect: none).
 */
public final class CleanProgram {
    static long field;

    public static void main(String[] args) throws Exception {
        long a = U.allocateMemory(64);
        long b = U.allocateMemory(64);
        U.putAddress(a, b);                       // native pointer into native memory
        U.putLong(a + 8, 0);                      // zero
        U.putLong(null, a + 16, -1L);             // all ones
        U.putLong(a + 24, 42);                    // small integer
        U.putLong(a + 32, System.nanoTime());     // a timestamp
        U.putLong(a + 40, Double.doubleToRawLongBits(Math.PI));
        U.compareAndSwapLong(null, a + 48, 0, b);
        U.getAndSetLong(null, a + 56, b + 8);

        byte[] array = new byte[64];
        long heapAddress = RealAddress.of(array);
        long[] longs = new long[4];
        U.putLong(longs, (long) U.arrayBaseOffset(long[].class), heapAddress);  // heap pointer into the heap
        U.putLong(CleanProgram.class, U.staticFieldOffset(CleanProgram.class.getDeclaredField("field")), heapAddress);
        Object[] refs = new Object[2];
        U.putObject(refs, (long) U.arrayBaseOffset(Object[].class), array); // reference into the heap
        U.putOrderedObject(refs, (long) U.arrayBaseOffset(Object[].class) + U.arrayIndexScale(Object[].class), "x");
        U.compareAndSwapObject(refs, (long) U.arrayBaseOffset(Object[].class), array, "y");

        for (int i = 0; i < 200_000; i++) {       // hot enough for C2
            U.putAddress(a, b + (i & 7));
            U.putLong(null, a + 8, i);
        }
        U.freeMemory(a);
        U.freeMemory(b);
        java.lang.ref.Reference.reachabilityFence(array);
        System.out.println("clean done");
    }
}
