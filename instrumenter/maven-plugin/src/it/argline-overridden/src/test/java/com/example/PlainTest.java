package com.example;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

class PlainTest {
    @Test
    void runsWithoutTheAgent() {
        assertFalse(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().toString()
                .contains("unsafecheck-agent"));
    }
}
