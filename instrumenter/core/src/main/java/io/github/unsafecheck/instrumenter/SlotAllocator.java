package io.github.unsafecheck.instrumenter;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the cache slot of each rewritten call site: the runtime remembers, per slot, the native block that site
 * wrote into last. Slots are hints: two sites that share one (after {@link RewriteTable#CACHE_SLOTS} sites, or two
 * separately instrumented jars) only cost each other a lookup now and then, never a wrong verdict.
 */
public final class SlotAllocator {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private SlotAllocator() {
    }

    public static int next() {
        return NEXT.getAndIncrement() & (RewriteTable.CACHE_SLOTS - 1);
    }
}
