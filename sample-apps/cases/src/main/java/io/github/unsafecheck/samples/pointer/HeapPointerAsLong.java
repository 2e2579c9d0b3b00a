package io.github.unsafecheck.samples.pointer;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * The bug of {@link StaleHeapPointer}, written the way LWJGL-style code writes pointers: as a plain {@code long},
 * with {@code putLong(null, address, value)} (a null base object means an absolute address). The type of the store
 * does not matter; the value does: it is the address of a Java array, and native memory is invisible to the garbage
 * collector that will move the array.
 *
 * <p>Under unsafecheck every 64-bit store at an absolute address is checked like {@code putAddress}: rule
 * {@code heap-pointer}.
 */
public final class HeapPointerAsLong {
    public static void main(String[] args) {
        int[] samples = {3, 1, 4, 1, 5, 9, 2, 6};
        long request = U.allocateMemory(16);          // struct filter_request { const int *samples; long count; }
        long samplesAddress = addressOf(samples) + U.arrayBaseOffset(int[].class);
        U.putLong(null, request + 8, samples.length); // a count: data, fine
        U.putLong(null, request, samplesAddress); // expect: heap-pointer
        System.out.printf("filter request at 0x%x points at the samples array, 0x%x%n", request, samplesAddress);
        U.freeMemory(request);
    }
}
