package com.example;

import example.lib.HeapAddress;
import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArgLineTest {
    @Test
    void usersArgumentsArriveAndTheAgentRuns() {
        assertEquals("kept", System.getProperty("it.user"), "the argLine property of the pom");
        assertEquals("yes", System.getProperty("it.late"), "surefire's own argLine configuration");
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(new byte[8])); // unsafecheck: violation
        U.freeMemory(slot);
    }
}
