package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.AllocationsAccess;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.persistent.PersistentChunks;
import io.github.unsafecheck.runtime.raw.RawMemory;
import io.github.unsafecheck.runtime.report.DstKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every classification of a write and of a free, against a private registry of real malloc'd blocks; and the order of
 * the chain (which step ran, in which order), not only its outcome.
 */
class MemoryRuleTest {
    private final Allocations a = AllocationsAccess.create(16, 1 << 20, false);

    private MemoryFinding write(long dst, long length, boolean strict) {
        return MemoryRule.write(new LiveMemorySteps(a, strict), dst, length, dst);
    }

    private MemoryFinding read(long src, long length) {
        return MemoryRule.read(new LiveMemorySteps(a, false), src, length, src);
    }

    private MemoryFinding free(long address, boolean reportUnknown) {
        return MemoryRule.free(new LiveMemorySteps(a, false), address, reportUnknown);
    }

    private Block block(long size) {
        long base = RawMemory.allocate(size + 16);
        return a.track(base, size, 16, Block.Origin.UNSAFE, Trace.here("Test.site(Test.java:1)", false));
    }

    @Test
    void writesInsideAndAcrossTheEnd() {
        Block b = block(64);
        MemoryFinding inside = write(b.base + 56, 8, false);
        assertTrue(inside.allowed());
        assertSame(b, inside.block());
        assertEquals(Rule.OVERFLOW, write(b.base + 60, 8, false).rule());
        assertEquals(Rule.OVERFLOW, write(b.base + 64, 1, false).rule(), "the redzone");
        assertEquals(Rule.OVERFLOW, write(b.base, 65, false).rule());
        assertEquals(DstKind.NATIVE, write(b.base + 60, 8, false).dstKind());
    }

    @Test
    void writesIntoFreedBlocks() {
        Block b = block(64);
        assertFalse(a.free(b, Trace.here("Test.free(Test.java:2)", false)), "kept in quarantine");
        MemoryFinding f = write(b.base + 8, 4, false);
        assertEquals(Rule.USE_AFTER_FREE, f.rule());
        assertEquals(DstKind.FREED, f.dstKind());
        assertEquals("Test.free(Test.java:2)", f.block().freedAt());
        assertEquals(Rule.USE_AFTER_FREE, write(b.base + 66, 4, false).rule(), "its redzone too");
        assertEquals(Rule.USE_AFTER_FREE, read(b.base, 8).rule());
    }

    @Test
    void unknownMemoryIsAWildWriteOnlyWhenStrict() {
        long elsewhere = RawMemory.allocate(64);
        assertTrue(write(elsewhere, 8, false).allowed());
        assertNull(write(elsewhere, 8, false).block());
        assertEquals(Rule.WILD_WRITE, write(elsewhere, 8, true).rule());
        long persistent = PersistentChunks.allocate(64, 8);
        assertTrue(write(persistent, 8, true).allowed(), "persistent memory is known memory");
    }

    @Test
    void aWriteRunningIntoABlockFromBelow() {
        Block b = block(64);
        assertEquals(Rule.OVERFLOW, write(b.base - 4, 8, false).rule());
    }

    @Test
    void frees() {
        Block b = block(64);
        assertSame(b, free(b.base, false).block());
        assertTrue(free(b.base, false).allowed());
        assertEquals(Rule.INVALID_FREE, free(b.base + 8, false).rule());
        a.free(b, Trace.here("Test.free(Test.java:2)", false));
        assertEquals(Rule.DOUBLE_FREE, free(b.base, false).rule());
        long unknown = RawMemory.allocate(8);
        assertTrue(free(unknown, false).allowed());
        assertEquals(Rule.INVALID_FREE, free(unknown, true).rule());
    }

    @Test
    void aBlockThatLeftTheQuarantineIsStillADoubleFree() {
        Allocations small = AllocationsAccess.create(0, 0, false);
        long base = RawMemory.allocate(32);
        Block b = small.track(base, 32, 0, Block.Origin.UNSAFE, Trace.here("s", false));
        assertTrue(small.free(b, Trace.here("f", false)), "no quarantine: the caller frees");
        RawMemory.free(base);
        assertEquals(Rule.DOUBLE_FREE, MemoryRule.free(new LiveMemorySteps(small, false), base, false).rule());
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

    @Test
    void poisonIsUseAfterPoisonAndTheProgramsFreedBlocksUseAfterFree() {
        Block chunk = block(256);
        a.poison(chunk.base + 128, chunk.base + 256, Trace.here("Pool.reserve(Pool.java:9)", false));
        MemoryFinding poisoned = write(chunk.base + 130, 8, false);
        assertEquals(Rule.USE_AFTER_POISON, poisoned.rule());
        assertEquals(DstKind.POISONED, poisoned.dstKind());
        assertEquals(Rule.USE_AFTER_POISON, read(chunk.base + 200, 8).rule());
        Block piece = a.trackInside(chunk.base, 64, 0, Block.Origin.CLIENT, "piece", Trace.here("take", false));
        assertTrue(write(chunk.base + 8, 8, false).allowed());
        assertEquals(Rule.OVERFLOW, write(chunk.base + 60, 8, false).rule(), "past a piece's end, into the chunk");
        a.free(piece, Trace.here("give", false), null);
        assertEquals(Rule.USE_AFTER_FREE, write(chunk.base + 8, 8, false).rule());
    }

    @Test
    void managingExemptsOnlyWhatTheProgramPoisonedOrFreedItself() {
        Block chunk = block(256);
        Block piece = a.trackInside(chunk.base, 64, 0, Block.Origin.CLIENT, "piece", Trace.here("take", false));
        a.free(piece, Trace.here("give", false), null);
        a.poison(chunk.base + 128, chunk.base + 256, Trace.here("reserve", false));
        Block heap = block(64);
        a.free(heap, Trace.here("freeMemory", false));
        ThreadContexts.enterManaging();
        try {
            assertTrue(write(chunk.base, 8, false).allowed(), "the free-list link in a piece it took back");
            assertTrue(write(chunk.base + 200, 8, false).allowed(), "its own poison");
            assertEquals(Rule.USE_AFTER_FREE, write(heap.base, 8, false).rule(), "not another allocator's memory");
            assertEquals(Rule.OVERFLOW, write(chunk.base + 252, 8, false).rule(), "not an overflow");
        } finally {
            ThreadContexts.exitManaging();
        }
        assertEquals(Rule.USE_AFTER_FREE, write(chunk.base, 8, false).rule(), "the scope is over");
    }

    @Test
    void aWriteFromAContainersOwnBytesIntoAChildIsJudgedByTheChild() {
        Block chunk = block(256);
        Block piece = a.trackInside(chunk.base + 64, 64, 0, Block.Origin.CLIENT, "piece", Trace.here("take", false));
        assertTrue(write(chunk.base + 56, 8, false).allowed(), "up to the piece");
        assertEquals(Rule.OVERFLOW, write(chunk.base + 60, 8, false).rule(), "running into a live piece");
        assertSame(piece, write(chunk.base + 60, 8, false).block());
        a.free(piece, Trace.here("give", false), null);
        assertEquals(Rule.USE_AFTER_FREE, write(chunk.base + 60, 8, false).rule(), "running into a freed piece");
    }

    @Test
    void aContainerIsNeverCachedByACallSite() {
        Block chunk = block(256);
        SiteCache.remember(11, chunk);
        assertTrue(SiteCache.hit(11, chunk.base, 8));
        Block piece = a.trackInside(chunk.base + 64, 64, 0, Block.Origin.CLIENT, "piece", Trace.here("take", false));
        SiteCache.evict(chunk); // what the runtime's container listener does
        assertFalse(SiteCache.hit(11, chunk.base, 8));
        SiteCache.remember(11, chunk);
        assertFalse(SiteCache.hit(11, chunk.base, 8), "a container is looked up every time");
        SiteCache.remember(11, piece);
        assertTrue(SiteCache.hit(11, piece.base, 64), "its children are cached as any block");
        MemoryFinding inChunk = write(chunk.base, 8, false);
        assertTrue(inChunk.allowed());
        assertSame(chunk, inChunk.block());
    }

    @Test
    void aSiteAlternatingBetweenTwoBlocksFindsThePreviousOneWithoutALookup() {
        Block first = block(64);
        Block second = block(64);
        SiteCache.remember(21, first);
        SiteCache.remember(21, second);
        assertFalse(SiteCache.hit(21, first.base, 8));
        assertTrue(SiteCache.hitPrevious(21, first.base, 8, first.base), "the block before the last one");
        assertTrue(SiteCache.hit(21, first.base, 8), "swapped into first place");
        assertTrue(SiteCache.hitPrevious(21, second.base + 56, 8, second.base + 56));
        assertFalse(SiteCache.hitPrevious(21, first.base + 60, 8, first.base + 60), "not across the end");
        assertFalse(SiteCache.hitPrevious(21, first.base, 8, second.base),
                "a segment whose start lies in another block is not judged by this one");
        a.free(first, Trace.here("f", false));
        assertFalse(SiteCache.hitPrevious(21, first.base, 8, first.base), "freed: not vouched for");
    }

    /** Answers the named steps with "yes" (a block for the lookups) and records every question asked. */
    static final class Recording implements MemorySteps {
        final List<String> asked = new ArrayList<>();
        final Set<String> yes;
        final Block block;

        Recording(Block block, String... yes) {
            this.block = block;
            this.yes = Set.of(yes);
        }

        private boolean ask(String step) {
            asked.add(step);
            return yes.contains(step);
        }

        @Override
        public boolean isHeapDestination(long address) {
            return ask("heapDestination");
        }

        @Override
        public boolean inCheckerContext() {
            return ask("checkerContext");
        }

        @Override
        public boolean inManagingContext() {
            return ask("managingContext");
        }

        @Override
        public Block blockHolding(long address) {
            return ask("blockHolding") ? block : null;
        }

        @Override
        public Block blockHolding(long address, Block.Family family) {
            return ask("blockHolding " + family) ? block : null;
        }

        @Override
        public Block blockStartingIn(long from, long to) {
            return ask("blockStartingIn") ? block : null;
        }

        @Override
        public boolean strict() {
            return ask("strict");
        }

        @Override
        public boolean inPersistentChunk(long address) {
            return ask("persistentChunk");
        }

        @Override
        public Block blockAt(long base, Block.Family family) {
            return ask("blockAt " + family) ? block : null;
        }

        @Override
        public Block released(long base) {
            return ask("released") ? block : null;
        }
    }

    @Test
    void everyStepOfAWriteInOrderWhenNothingDecides() {
        Recording s = new Recording(null, "strict");
        assertEquals(Rule.WILD_WRITE, MemoryRule.write(s, 0x1000, 8, 0x1000).rule());
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding", "blockStartingIn", "strict",
                "persistentChunk"), s.asked);
    }

    @Test
    void eachStepOfAWriteEndsTheChainWhereItSits() {
        Block b = block(64);
        String[] order = {"heapDestination", "checkerContext", "blockHolding", "blockStartingIn"};
        for (int i = 0; i < order.length; i++) {
            Recording s = new Recording(b, order[i]);
            MemoryRule.write(s, b.base, 8, b.base);
            assertEquals(List.of(order).subList(0, i + 1), s.asked, order[i]);
        }
        Recording notStrict = new Recording(null);
        assertTrue(MemoryRule.write(notStrict, 0x1000, 8, 0x1000).allowed());
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding", "blockStartingIn", "strict"),
                notStrict.asked, "without strict the persistent chunks are never walked: they would decide nothing");
    }

    @Test
    void aSegmentWriteIsJudgedByTheBlockOfItsStartThenByItsAddress() {
        Block b = block(64);
        Recording s = new Recording(b, "blockHolding");
        assertEquals(Rule.OVERFLOW, MemoryRule.write(s, b.base + 4096, 8, b.base).rule(),
                "a reinterpreted segment running past its block overflows that block");
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding"), s.asked);
        Recording unknownStart = new Recording(null);
        MemoryRule.write(unknownStart, 0x2000, 8, 0x1000);
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding", "blockHolding", "blockStartingIn",
                "strict"), unknownStart.asked, "a segment over unknown memory: the address alone");
    }

    @Test
    void theManagingStepIsAskedOnlyForTheProgramsOwnFreedOrPoisonedBlocks() {
        Block poison = a.poison(0x7c00_0000_0000L, 0x7c00_0000_0040L, Trace.here("p", false));
        Recording s = new Recording(poison, "blockHolding", "managingContext");
        assertTrue(MemoryRule.write(s, poison.base, 8, poison.base).allowed());
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding", "managingContext"), s.asked);
        Block heap = block(64);
        a.free(heap, Trace.here("f", false));
        Recording h = new Recording(heap, "blockHolding", "managingContext");
        assertEquals(Rule.USE_AFTER_FREE, MemoryRule.write(h, heap.base, 8, heap.base).rule());
        assertEquals(List.of("heapDestination", "checkerContext", "blockHolding"), h.asked,
                "another allocator's freed memory: managing is not even asked");
    }

    @Test
    void allocatorContextDoesNotExemptTheMemoryRules() {
        Block b = block(64);
        AllocatorContextAccess.run(() -> assertEquals(Rule.OVERFLOW, write(b.base + 60, 8, false).rule()));
    }

    @Test
    void theStepsOfAFree() {
        Recording s = new Recording(null, "strict");
        assertEquals(Rule.INVALID_FREE, MemoryRule.free(s, 0x1000, true).rule());
        assertEquals(List.of("blockAt HEAP", "released", "blockHolding HEAP"), s.asked);
        Recording client = new Recording(null, "strict");
        assertEquals(Rule.INVALID_FREE, MemoryRule.free(client, 0x1000, true, Block.Family.CLIENT).rule());
        assertEquals(List.of("blockAt CLIENT", "blockHolding CLIENT"), client.asked,
                "the program's own blocks never went back to malloc: no graveyard");
    }
}
