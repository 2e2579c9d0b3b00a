package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.UnsafeWriteError;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.check.MemoryFinding;
import io.github.unsafecheck.runtime.check.MemoryRule;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.Violation;
import io.github.unsafecheck.runtime.stack.StackCapture;

/**
 * The slow path of the memory rules, reached when a write missed its call site's cached block. In cost order: heap
 * memory (a null test or two compares), the thread contexts (a thread-local read), then the lookup and the
 * persistent chunks ({@link MemoryRule}). A write found inside a live block refreshes the site's cache.
 */
final class MemoryViolations {
    private MemoryViolations() {
    }

    /** A write of {@code length} bytes at {@code base + offset} that missed the cache. */
    static void write(Object base, long offset, long length, String op, int slot, Violation.Access access) {
        if (base != null || length <= 0 || HeapRanges.contains(offset)) {
            return;
        }
        if (ThreadContexts.inCheckerContext() || ThreadContexts.inAllocatorContext()) {
            return;
        }
        Reporter reporter = UnsafeCheckRuntime.reporter();
        MemoryFinding f = MemoryRule.write(Allocations.get(), offset, length, reporter.strict());
        if (f.allowed()) {
            if (f.block() != null) {
                SiteCache.remember(slot, f.block());
            }
            return;
        }
        report(reporter, f, op, access, offset, length, false, true);
    }

    /** The source of a copy that missed the cache: reading freed memory is a use-after-free. */
    static void read(Object base, long offset, long length, String op, int slot) {
        if (base != null || length <= 0 || HeapRanges.contains(offset) || ThreadContexts.inCheckerContext()) {
            return;
        }
        MemoryFinding f = MemoryRule.read(Allocations.get(), offset, length);
        if (f.allowed()) {
            if (f.block() != null) {
                SiteCache.remember(slot, f.block());
            }
            return;
        }
        report(UnsafeCheckRuntime.reporter(), f, op, Violation.Access.COPY_FROM, offset, length, false, true);
    }

    /** Records a finding; throws in throw mode when {@code mayThrow}. */
    static void report(Reporter reporter, MemoryFinding f, String op, Violation.Access access, long dst, long length,
            boolean skipped, boolean mayThrow) {
        if (!reporter.checks(f.rule())) {
            return;
        }
        ThreadContexts.enterChecker();
        try {
            Violation v = Violation.memory(f.rule(), op, access, dst, length, f.dstKind(), f.block(),
                    StackCapture.here(), skipped);
            reporter.record(v);
            if (reporter.mode() == Mode.THROW && mayThrow) {
                throw new UnsafeWriteError(v.headline(), v.rule().id(), v.dst(), v.site(),
                        v.stack().elements().toArray(new StackTraceElement[0]));
            }
        } finally {
            ThreadContexts.exitChecker();
        }
    }
}
