package com.example;

import example.lib.HeapAddress;
import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;

class MainTest {
    @Test
    void mainClassesAreChecked() {
        Main.storeHeapPointer(new byte[16]);
        Pool.storeHeader(new byte[16]);
    }

    @Test
    void piecesOfADeclaredAllocatorAreBlocks() {
        long piece = Pool.take(16);
        U.putLong(piece + 8, 1L);
        U.putLong(piece + 12, 2L); // unsafecheck: overflow
    }

    @Test
    void testClassesAreChecked() {
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(new byte[8])); // unsafecheck: violation
        U.freeMemory(slot);
    }
}
