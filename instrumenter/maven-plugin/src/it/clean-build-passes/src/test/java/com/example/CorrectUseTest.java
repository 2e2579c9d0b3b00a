package com.example;

import example.lib.HeapAddress;
import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes the checker must allow: data into native memory, and a heap address into a heap array. */
class CorrectUseTest {
    @Test
    void dataIntoNativeMemory() {
        long slot = U.allocateMemory(8);
        U.putLong(slot, 42L);
        assertEquals(42L, U.getLong(slot));
        U.freeMemory(slot);
    }

    @Test
    void heapAddressIntoTheHeap() {
        long[] onHeap = new long[1];
        byte[] data = new byte[16];
        U.putLong(onHeap, (long) U.arrayBaseOffset(long[].class), HeapAddress.of(data));
        assertEquals(HeapAddress.of(data), onHeap[0]);
    }
}
