package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.UnsafeWriteError;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.heap.HeapLayout;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.raw.RawMemory;
import io.github.unsafecheck.runtime.report.DstKind;
import io.github.unsafecheck.runtime.report.Reporter;
import io.github.unsafecheck.runtime.report.Violation;
import io.github.unsafecheck.runtime.stack.StackCapture;

/**
 * The one place where a finding becomes a record and the mode is applied: every rule's violations come here, and
 * this is the only class that makes an {@link UnsafeWriteError}.
 *
 * <ul>
 *   <li>A violation of a rule that is off is not recorded.
 *   <li>{@code throw}: the record is written, then {@code UnsafeWriteError} is thrown before the operation — except
 *       where throwing cannot help or would do harm: a free made inside the JDK (an {@code Error} in the JDK's
 *       {@code Cleaner} makes it call {@code System.exit}), and a dangling pointer (nothing is being written).
 *   <li>{@code report} and {@code count} (and the cases above): the record is written (in count mode, counted), and
 *       the operation goes ahead as the program asked — except an operation that would crash the JVM or corrupt
 *       malloc, which the caller skips and the record says so ({@code "skipped": true}): a reference store at a
 *       native address, a free of a freed block or of an interior pointer.
 * </ul>
 *
 * Everything here runs in checker context, so that whatever reporting touches cannot recurse into another report.
 */
public final class Outcome {
    /** Builds the record once the stack is known and whether the operation is skipped. */
    private interface Draft {
        Violation build(StackCapture stack, boolean skipped);
    }

    private Outcome() {
    }

    /** A 64-bit store of heap address {@code value} into native memory at {@code dst}: it goes ahead unless thrown. */
    public static void pointerStore(Rule rule, String op, long dst, long value) {
        settle(rule, true, false, (stack, skipped) -> {
            Block b = Allocations.get().holding(dst);
            return Violation.pointer(rule, op, dst, value, null, 8, kindOf(b), b, stack, skipped);
        });
    }

    /**
     * A reference store at native address {@code dst}. Returns true when the caller must skip the store: it would
     * crash HotSpot inside its GC barrier, so report and count modes record it and do not make it.
     */
    public static boolean referenceStore(Rule rule, String op, long dst, Object value) {
        return settle(rule, true, true, (stack, skipped) -> {
            HeapLayout heap = HeapRanges.layout();
            Long address = heap.isKnown() && value != null ? heap.addressOf(value) : null;
            String type = value == null ? null : value.getClass().getTypeName();
            Block b = Allocations.get().holding(dst);
            return Violation.pointer(rule, op, dst, address, type, RawMemory.REFERENCE_SIZE, kindOf(b), b, stack,
                    skipped);
        });
    }

    /** A write (or a copy's source) that broke a memory rule: it goes ahead unless thrown. */
    public static void access(MemoryFinding f, String op, Violation.Access access, long dst, long length) {
        settle(f.rule(), true, false, (stack, skipped) -> Violation.memory(f.rule(), op, access, dst, length,
                f.dstKind(), f.block(), stack, skipped));
    }

    /**
     * A free that broke a memory rule. A free of a tracked block (freed already, or an interior pointer) never
     * reaches malloc — glibc would abort or corrupt its heap — so the caller skips it unless this throws; a free of
     * memory the checker never saw ({@code strict}) is the caller's to pass through. {@code insideJdk}: the JDK made
     * it (a cleaner, an arena), so it is recorded, never thrown.
     */
    public static void free(MemoryFinding f, String op, long address, boolean insideJdk) {
        Block b = f.block();
        settle(f.rule(), !insideJdk, b != null, (stack, skipped) -> Violation.memory(f.rule(), op,
                Violation.Access.FREE, address, b == null ? 0 : b.size, f.dstKind(), b, stack, skipped));
    }

    /** A pointer to {@code freed} left in live native memory at {@code dst}: recorded, never thrown. */
    public static void dangling(String op, long dst, long value, Block freed, String storedAt, String storedBy) {
        settle(Rule.DANGLING_POINTER, false, false,
                (stack, skipped) -> Violation.dangling(op, dst, value, freed, storedAt, storedBy, stack));
    }

    /**
     * Records a violation of {@code rule} and applies the mode. {@code throwable}: whether throw mode may throw
     * here; {@code skipsUnlessThrown}: whether the caller skips the operation when this returns. Returns true when
     * the violation was recorded and not thrown.
     */
    private static boolean settle(Rule rule, boolean throwable, boolean skipsUnlessThrown, Draft draft) {
        Reporter reporter = UnsafeCheckRuntime.reporter();
        if (!reporter.checks(rule)) {
            return false;
        }
        boolean stops = throwable && reporter.mode() == Mode.THROW;
        ThreadContexts.enterChecker();
        try {
            Violation v = draft.build(StackCapture.here(), skipsUnlessThrown && !stops);
            reporter.record(v);
            if (stops) {
                throw new UnsafeWriteError(v.headline(), v.rule().id(), v.dst(), v.site(),
                        v.stack().elements().toArray(new StackTraceElement[0]));
            }
            return true;
        } finally {
            ThreadContexts.exitChecker();
        }
    }

    /** What a pointer violation's destination is: a tracked block (live or freed), or unknown memory. */
    private static DstKind kindOf(Block b) {
        if (b == null) {
            return DstKind.UNKNOWN;
        }
        return b.isLive() ? DstKind.NATIVE : DstKind.FREED;
    }
}
