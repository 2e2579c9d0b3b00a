package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.AllocationsAccess;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.stack.StackCapture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a report says in words: the overflow headline's bytes, and the site printed once. */
class ViolationTextTest {
    private static final long BASE = 0x7f00_0000_1000L;

    private static final Block BLOCK = AllocationsAccess.create(64, 0, false)
            .track(BASE, 64, 64, Block.Origin.UNSAFE, Trace.here("t.Alloc.site(Alloc.java:1)", false));

    private static String overflow(long offset, int size) {
        return Violation.memory(Rule.OVERFLOW, "Unsafe.putLong", Violation.Access.WRITE, BASE + offset, size,
                DstKind.NATIVE, BLOCK, StackCapture.here(), false).headline();
    }

    @Test
    void overflowSaysWhichBytesOfTheBlockTheWriteCoversAndByHowMuchItMisses() {
        String block = " of the 64-byte native allocation #1 at " + Hex.address(BASE) + ": ";
        assertEquals("unsafecheck: 8-byte write at " + Hex.address(BASE + 60) + " covers bytes 60..67" + block
                + "4 bytes past its end [overflow]", overflow(60, 8));
        // Right at the end: the old text said "0 bytes past the end", which reads as "not past the end".
        assertEquals("unsafecheck: 4-byte write at " + Hex.address(BASE + 64) + " covers bytes 64..67" + block
                + "4 bytes past its end [overflow]", overflow(64, 4));
        assertTrue(overflow(100, 1).contains(" covers byte 100" + block + "37 bytes past its end"), overflow(100, 1));
        assertTrue(overflow(-4, 8).contains(" covers bytes -4..3" + block + "4 bytes before its start"),
                overflow(-4, 8));
    }

    @Test
    void theSiteIsPrintedOnceAsTheStacksFirstFrame() {
        Violation v = Violation.memory(Rule.OVERFLOW, "Unsafe.putLong", Violation.Access.WRITE, BASE + 60, 8,
                DstKind.NATIVE, BLOCK, StackCapture.here(), false);
        String text = v.text("stopped");
        assertTrue(text.contains("\n\top: Unsafe.putLong\n\tat " + v.site() + "\n"), text);
        assertEquals(1, text.split(java.util.regex.Pattern.quote(v.site()), -1).length - 1, text);
    }
}
