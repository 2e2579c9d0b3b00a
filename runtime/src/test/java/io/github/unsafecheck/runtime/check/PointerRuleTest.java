package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.config.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Pins the order of the chain (which predicate ran, in which order), not only its outcome. */
class PointerRuleTest {
    /** Answers "yes" for the named steps and records every question asked. */
    static final class Recording implements PointerSteps {
        final List<String> asked = new ArrayList<>();
        final Set<String> yes;

        Recording(String... yes) {
            this.yes = Set.of(yes);
        }

        private boolean ask(String step) {
            asked.add(step);
            return yes.contains(step);
        }

        @Override
        public boolean isHeapPointer(long value) {
            return ask("heapPointer");
        }

        @Override
        public boolean isHeapDestination(Object base, long offset) {
            return ask("heapDestination");
        }

        @Override
        public boolean inCheckerContext() {
            return ask("checkerContext");
        }

        @Override
        public boolean inAllocatorContext() {
            return ask("allocatorContext");
        }

        @Override
        public boolean inPersistentChunk(long address) {
            return ask("persistentChunk");
        }
    }

    @Test
    void aValueThatIsNotAHeapPointerEndsTheChainAtOnce() {
        Recording s = new Recording();
        assertNull(PointerRule.longStore(s, null, 0x7f00_0000_0000L, 42));
        assertEquals(List.of("heapPointer"), s.asked);
    }

    @Test
    void everyStepInOrderWhenNothingExempts() {
        Recording s = new Recording("heapPointer");
        assertEquals(Rule.HEAP_POINTER, PointerRule.longStore(s, null, 1, 2));
        assertEquals(List.of("heapPointer", "heapDestination", "checkerContext", "allocatorContext",
                "persistentChunk"), s.asked);
    }

    @Test
    void eachExemptionStopsTheChainWhereItSits() {
        String[] order = {"heapDestination", "checkerContext", "allocatorContext", "persistentChunk"};
        for (int i = 0; i < order.length; i++) {
            Recording s = new Recording("heapPointer", order[i]);
            assertNull(PointerRule.longStore(s, null, 1, 2), order[i]);
            List<String> expected = new ArrayList<>(List.of("heapPointer"));
            expected.addAll(List.of(order).subList(0, i + 1));
            assertEquals(expected, s.asked, order[i]);
        }
    }

    @Test
    void referenceStoresStartAtTheDestination() {
        Recording s = new Recording();
        assertEquals(Rule.HEAP_REFERENCE, PointerRule.referenceStore(s, null, 1));
        assertEquals(List.of("heapDestination", "checkerContext", "allocatorContext", "persistentChunk"), s.asked);
        Recording heap = new Recording("heapDestination");
        assertNull(PointerRule.referenceStore(heap, new Object(), 16));
        assertEquals(List.of("heapDestination"), heap.asked);
    }

    @Test
    void liveStepsAgainstTheRealHeap() {
        LivePointerSteps live = LivePointerSteps.INSTANCE;
        assertEquals(false, live.isHeapPointer(0));
        assertEquals(false, live.isHeapPointer(-1));
        assertEquals(true, live.isHeapDestination(new Object(), 12));
        assertEquals(false, live.inCheckerContext());
        assertEquals(false, live.inAllocatorContext());
    }
}
