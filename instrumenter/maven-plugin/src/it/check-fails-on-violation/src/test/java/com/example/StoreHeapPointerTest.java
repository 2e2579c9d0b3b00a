package com.example;

import example.lib.HeapAddress;
import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;

class StoreHeapPointerTest {
    @Test
    void storesAHeapAddressIntoNativeMemory() {
        byte[] data = new byte[32];
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(data)); // unsafecheck: violation
        U.freeMemory(slot);
    }
}
