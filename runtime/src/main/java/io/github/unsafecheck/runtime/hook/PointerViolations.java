package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.UnsafeWriteError;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.heap.HeapLayout;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.raw.RawMemory;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.Violation;
import io.github.unsafecheck.runtime.stack.StackCapture;

/**
 * The slow path of the pointer rule, reached only when a write broke it. Runs in checker context, so that whatever
 * reporting touches cannot recurse into another report.
 */
final class PointerViolations {
    private PointerViolations() {
    }

    static void longStore(Rule rule, String op, long dst, long value) {
        Reporter reporter = UnsafeCheckRuntime.reporter();
        if (!reporter.checks(rule)) {
            return;
        }
        ThreadContexts.enterChecker();
        try {
            Violation v = Violation.pointer(rule, op, dst, value, null, 8, destinationKind(dst), Allocations.get().holding(dst),
                    StackCapture.here(), false);
            reporter.record(v);
            if (reporter.mode() == Mode.THROW) {
                throw error(v);
            }
        } finally {
            ThreadContexts.exitChecker();
        }
    }

    /** Returns true when the store must be skipped (report and count modes). */
    static boolean referenceStore(Rule rule, String op, long dst, Object value) {
        Reporter reporter = UnsafeCheckRuntime.reporter();
        if (!reporter.checks(rule)) {
            return false;
        }
        ThreadContexts.enterChecker();
        try {
            HeapLayout heap = HeapRanges.layout();
            Long address = heap.isKnown() && value != null ? heap.addressOf(value) : null;
            boolean skip = reporter.mode() != Mode.THROW;
            Violation v = Violation.pointer(rule, op, dst, address, typeName(value), RawMemory.REFERENCE_SIZE,
                    destinationKind(dst), Allocations.get().holding(dst), StackCapture.here(), skip);
            reporter.record(v);
            if (!skip) {
                throw error(v);
            }
            return true;
        } finally {
            ThreadContexts.exitChecker();
        }
    }

    /** What the destination of a pointer violation is: a tracked block (live or freed) or unknown memory. */
    private static String destinationKind(long dst) {
        Block b = Allocations.get().holding(dst);
        if (b == null) {
            return Violation.UNKNOWN;
        }
        return b.isLive() ? Violation.NATIVE : Violation.FREED;
    }

    private static String typeName(Object value) {
        return value == null ? null : value.getClass().getTypeName();
    }

    private static UnsafeWriteError error(Violation v) {
        return new UnsafeWriteError(v.headline(), v.rule().id(), v.dst(), v.site(),
                v.stack().elements().toArray(new StackTraceElement[0]));
    }
}
