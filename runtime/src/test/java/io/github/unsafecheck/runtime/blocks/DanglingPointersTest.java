package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DanglingPointersTest {
    private final Allocations allocations = new Allocations(16, 1 << 20, false);
    private final DanglingPointers stores = new DanglingPointers();
    /** Stand-ins for arenas (MemorySegment.Scope): those in here are closed. */
    private final Set<Object> closed = ConcurrentHashMap.newKeySet();

    private Block track(long size) {
        long base = RawMemory.allocate(size + allocations.redzone());
        return allocations.track(base, size, allocations.redzone(), Block.Origin.SEGMENT, Trace.here("site", false));
    }

    private void store(Block holder, Block target, Object arena) {
        RawMemory.putLong(holder.base, target.base);
        stores.stored(holder.base, target.base, target, "stored-at", "t", arena);
    }

    private List<DanglingPointers.Store> free(Block target) {
        allocations.free(target, Trace.here("freed-at", false));
        return stores.dangling(target, allocations, arena -> !closed.contains(arena));
    }

    @Test
    void aPointerLeftInALiveBlockIsDangling() {
        Block holder = track(16);
        Block target = track(16);
        store(holder, target, null);
        List<DanglingPointers.Store> left = free(target);
        assertEquals(1, left.size());
        assertEquals(holder.base, left.get(0).dst);
        assertEquals("stored-at", left.get(0).storedAt);
    }

    @Test
    void aPointerHeldInAnOpenArenaIsDangling() {
        Object arena = new Object();
        Block holder = track(16);
        Block target = track(16);
        store(holder, target, arena);
        assertEquals(1, free(target).size());
    }

    /** An arena frees its segments one by one: the ones not freed yet are going too, so nothing is left behind. */
    @Test
    void aPointerHeldInAClosingArenaIsNot() {
        Object arena = new Object();
        Block first = track(24);
        Block second = track(24);
        store(first, second, arena);    // first.next = second
        store(second, first, arena);    // second.prev = first
        closed.add(arena);
        assertTrue(free(second).isEmpty(), "first is still live, but its arena is closing");
        assertTrue(free(first).isEmpty());
    }

    /** An automatic arena is closed by the GC: it is only weakly held, and a collected one counts as closed. */
    @Test
    void anArenaThatWasCollectedCountsAsClosed() throws InterruptedException {
        DanglingPointers.Store s = new DanglingPointers.Store(0, 0, "stored-at", "t", new Object());
        assertFalse(s.holderArenaGone(arena -> true));
        for (int i = 0; i < 50 && s.holderArena.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(s.holderArena.get(), "nothing else holds the arena: a collection clears the reference");
        assertTrue(s.holderArenaGone(arena -> true));
    }
}
