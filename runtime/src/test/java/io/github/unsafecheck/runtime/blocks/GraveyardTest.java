package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.blocks.Trace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class GraveyardTest {
    private static long ids;

    private static Block block(long base) {
        return new Block(++ids, base, 16, 0, Block.Origin.UNSAFE, null, null, Trace.here("site", false));
    }

    @Test
    void remembersTheLastBlocksAndForgetsTheOldest() {
        Graveyard g = new Graveyard();
        Block first = block(0x1000);
        g.bury(first);
        for (int i = 1; i < Graveyard.SIZE; i++) {
            g.bury(block(0x1000 + 32L * i));
        }
        assertSame(first, g.at(0x1000), "still within the last SIZE");
        g.bury(block(0x1000 + 32L * Graveyard.SIZE));
        assertNull(g.at(0x1000), "evicted by the ring");
        assertEquals(Graveyard.SIZE, g.size());
    }

    /** Malloc handing the same address back over and over must not grow anything. */
    @Test
    void aReusedBaseKeepsOneEntryAndTheNewestBlock() {
        Graveyard g = new Graveyard();
        Block newest = null;
        for (int i = 0; i < 3 * Graveyard.SIZE; i++) {
            g.reused(0x2000);
            newest = block(0x2000);
            g.bury(newest);
        }
        assertEquals(1, g.size());
        assertSame(newest, g.at(0x2000), "evicting an older block of the same base keeps the newer one");
    }
}
