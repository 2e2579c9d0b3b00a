package com.example;

import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PlainTest {
    @Test
    void writesPastTheEndOfABlockWithoutTheAgent() {
        assertFalse(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().toString()
                .contains("unsafecheck-agent"), "the pom's <argLine> replaced the agent");
        long block = U.allocateMemory(16);
        U.putLong(block + 12, 1L); // unsafecheck: violation (4 bytes past the end, into malloc's padding)
        U.freeMemory(block);
    }
}
