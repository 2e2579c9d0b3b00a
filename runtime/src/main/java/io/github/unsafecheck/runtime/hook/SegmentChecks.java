package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.MemoryRule;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * The memory rules for writes through a native segment (FFM, JDK 22+), on plain addresses so that this class
 * compiles for JDK 17 like the rest: a write is judged against the block that holds the segment's start, so that a
 * reinterpreted segment running far past its allocation is an overflow of that allocation, not a write into
 * nobody's memory. Same cost order as the Unsafe hooks: the site's cached block, then heap, contexts, lookup.
 */
final class SegmentChecks {
    private SegmentChecks() {
    }

    static void write(long segmentBase, long address, long length, String op, int slot, Violation.Access access) {
        if (SiteCache.hitSegment(slot, segmentBase, address, length)) {
            return;
        }
        if (length <= 0 || HeapRanges.contains(address) || ThreadContexts.inCheckerContext()
                || ThreadContexts.inAllocatorContext()) {
            return;
        }
        Reporter reporter = UnsafeCheckRuntime.reporter();
        MemoryFinding f = MemoryRule.segmentWrite(Allocations.get(), segmentBase, address, length, reporter.strict());
        if (f.allowed()) {
            if (f.block() != null) {
                SiteCache.remember(slot, f.block());
            }
            return;
        }
        MemoryViolations.report(reporter, f, op, access, address, length, false, true);
    }

    static void read(long segmentBase, long address, long length, String op, int slot) {
        int sourceSlot = slot ^ (SiteCache.SLOTS >>> 1);
        if (SiteCache.hitSegment(sourceSlot, segmentBase, address, length)) {
            return;
        }
        MemoryViolations.read(null, address, length, op, sourceSlot);
    }

    /**
     * Only the segment's own block is known (a path VarHandle): a freed one is a use-after-free. A live block that
     * holds the whole segment is remembered for the site: the JDK keeps the write inside the segment.
     */
    static void liveness(long segmentBase, long segmentSize, String op, int slot) {
        if (HeapRanges.contains(segmentBase) || ThreadContexts.inCheckerContext()) {
            return;
        }
        MemoryFinding f = MemoryRule.read(Allocations.get(), segmentBase, 1);
        if (f.allowed()) {
            if (f.block() != null && f.block().covers(segmentBase, segmentSize)) {
                SiteCache.remember(slot, f.block());
            }
        } else {
            MemoryViolations.report(UnsafeCheckRuntime.reporter(), f, op, Violation.Access.WRITE, segmentBase, 1,
                    false, true);
        }
    }
}
