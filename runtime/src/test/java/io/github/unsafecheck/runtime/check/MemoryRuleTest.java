package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.AllocationsAccess;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.persistent.PersistentChunks;
import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every classification of a write and of a free, against a private registry of real malloc'd blocks. */
class MemoryRuleTest {
    private final Allocations a = AllocationsAccess.create(16, 1 << 20, false);

    private Block block(long size) {
        long base = RawMemory.allocate(size + 16);
        return a.track(base, size, 16, Block.Origin.UNSAFE, Trace.here("Test.site(Test.java:1)", false));
    }

    @Test
    void writesInsideAndAcrossTheEnd() {
        Block b = block(64);
        MemoryFinding inside = MemoryRule.write(a, b.base + 56, 8, false);
        assertTrue(inside.allowed());
        assertSame(b, inside.block());
        assertEquals(Rule.OVERFLOW, MemoryRule.write(a, b.base + 60, 8, false).rule());
        assertEquals(Rule.OVERFLOW, MemoryRule.write(a, b.base + 64, 1, false).rule(), "the redzone");
        assertEquals(Rule.OVERFLOW, MemoryRule.write(a, b.base, 65, false).rule());
        assertEquals("native", MemoryRule.write(a, b.base + 60, 8, false).dstKind());
    }

    @Test
    void writesIntoFreedBlocks() {
        Block b = block(64);
        assertFalse(a.free(b, Trace.here("Test.free(Test.java:2)", false)), "kept in quarantine");
        MemoryFinding f = MemoryRule.write(a, b.base + 8, 4, false);
        assertEquals(Rule.USE_AFTER_FREE, f.rule());
        assertEquals("freed", f.dstKind());
        assertEquals("Test.free(Test.java:2)", f.block().freedAt());
        assertEquals(Rule.USE_AFTER_FREE, MemoryRule.write(a, b.base + 66, 4, false).rule(), "its redzone too");
        assertEquals(Rule.USE_AFTER_FREE, MemoryRule.read(a, b.base, 8).rule());
    }

    @Test
    void unknownMemoryIsAWildWriteOnlyWhenStrict() {
        long elsewhere = RawMemory.allocate(64);
        assertTrue(MemoryRule.write(a, elsewhere, 8, false).allowed());
        assertNull(MemoryRule.write(a, elsewhere, 8, false).block());
        assertEquals(Rule.WILD_WRITE, MemoryRule.write(a, elsewhere, 8, true).rule());
        long persistent = PersistentChunks.allocate(64, 8);
        assertTrue(MemoryRule.write(a, persistent, 8, true).allowed(), "persistent memory is known memory");
    }

    @Test
    void aWriteRunningIntoABlockFromBelow() {
        Block b = block(64);
        assertEquals(Rule.OVERFLOW, MemoryRule.write(a, b.base - 4, 8, false).rule());
    }

    @Test
    void frees() {
        Block b = block(64);
        assertSame(b, MemoryRule.free(a, b.base, false).block());
        assertTrue(MemoryRule.free(a, b.base, false).allowed());
        assertEquals(Rule.INVALID_FREE, MemoryRule.free(a, b.base + 8, false).rule());
        a.free(b, Trace.here("Test.free(Test.java:2)", false));
        assertEquals(Rule.DOUBLE_FREE, MemoryRule.free(a, b.base, false).rule());
        long unknown = RawMemory.allocate(8);
        assertTrue(MemoryRule.free(a, unknown, false).allowed());
        assertEquals(Rule.INVALID_FREE, MemoryRule.free(a, unknown, true).rule());
    }

    @Test
    void aBlockThatLeftTheQuarantineIsStillADoubleFree() {
        Allocations small = AllocationsAccess.create(0, 0, false);
        long base = RawMemory.allocate(32);
        Block b = small.track(base, 32, 0, Block.Origin.UNSAFE, Trace.here("s", false));
        assertTrue(small.free(b, Trace.here("f", false)), "no quarantine: the caller frees");
        RawMemory.free(base);
        assertEquals(Rule.DOUBLE_FREE, MemoryRule.free(small, base, false).rule());
        assertNull(small.holding(base), "gone from the map");
    }

    @Test
    void theSiteCacheOnlyAnswersForLiveBlocks() {
        Block b = block(64);
        SiteCache.remember(7, b);
        assertTrue(SiteCache.hit(7, b.base, 64));
        assertFalse(SiteCache.hit(7, b.base + 1, 64));
        assertFalse(SiteCache.hit(7, b.base - 1, 1));
        assertFalse(SiteCache.hit(8, b.base, 1), "another slot");
        a.free(b, Trace.here("f", false));
        assertFalse(SiteCache.hit(7, b.base, 8), "freed: the cache no longer vouches for it");
    }
}
