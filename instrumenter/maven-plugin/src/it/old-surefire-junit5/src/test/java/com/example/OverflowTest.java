package com.example;

import org.junit.jupiter.api.Test;
import sun.misc.Unsafe;

import java.lang.reflect.Field;

class OverflowTest {
    @Test
    void writesPastTheEndOfABlock() throws Exception {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Unsafe u = (Unsafe) f.get(null);
        long block = u.allocateMemory(16);
        u.putLong(block + 12, 1L); // unsafecheck: violation (4 bytes past the end, into malloc's padding)
        u.freeMemory(block);
    }
}
