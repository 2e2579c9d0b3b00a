package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.config.Rule;

/**
 * The pointer rule: Go's {@code cgoCheckWriteBarrier} for Java. A write is allowed at the first "yes", in exactly
 * this order; the order is the cost order, so that a correct write pays for as little as possible.
 *
 * <ol>
 *   <li>The value is not a heap pointer → allowed. Two compares against JIT constants (or a null test for a
 *       reference). Almost every correct write ends here: native→native pointers, lengths, flags, hashes.
 *   <li>The destination is heap memory → allowed. A heap pointer inside the heap is the GC's business: it sees it
 *       (a reference) or never treats it as one (a long field). One null test, or two compares.
 *   <li>The thread is in checker context → allowed. Go's "system stack" exemption: the checker's own writes. A
 *       thread-local read, so it only runs once steps 1 and 2 have suspected a violation.
 *   <li>The thread is in allocator context → allowed. Go's {@code mallocing}: allocators keep their own books in
 *       native memory. Also a thread-local read; after step 3 because it is rarer to be true. It exempts this rule
 *       only: {@link MemoryRule} still judges an allocator's writes for bounds and liveness.
 *   <li>The destination is inside a persistent chunk → allowed. Last, as Go's patch put it: "more expensive and
 *       rarely true. If it is false the expense doesn't matter since we are" reporting.
 *   <li>Otherwise: a violation, {@code heap-pointer} for an address, {@code heap-reference} for a reference.
 * </ol>
 *
 * <p>A reference store ({@code putObject}/{@code putReference} and friends) skips step 1: whatever the value, null
 * included, HotSpot's GC barriers treat the destination as a heap slot (G1's pre-barrier loads the old "reference"
 * there, the post-barrier marks a card for it), so at a native address even a null store crashes the JVM. The value
 * is a reference the GC must handle by construction; the chain starts at step 2, which for the common case — a
 * non-null base object — costs one null test.
 */
public final class PointerRule {
    private PointerRule() {
    }

    /**
     * A 64-bit store of {@code value} at {@code base + offset} (base null: {@code offset} is an absolute address).
     * Returns null when allowed, else the rule broken.
     */
    public static Rule longStore(PointerSteps steps, Object base, long offset, long value) {
        // 1. Not a heap pointer → allowed: native pointers, lengths, flags, hashes. One compare against JIT constants;
        //    almost every correct store ends here, so it comes first and it is all a correct store pays.
        if (!steps.isHeapPointer(value)) {
            return null;
        }
        return suspected(steps, base, offset) ? Rule.HEAP_POINTER : null;
    }

    /** A reference store at {@code base + offset}. Returns null when allowed, else the rule. */
    public static Rule referenceStore(PointerSteps steps, Object base, long offset) {
        // Step 1 does not apply: whatever the value, the GC barriers treat the destination as a heap slot.
        return suspected(steps, base, offset) ? Rule.HEAP_REFERENCE : null;
    }

    /** Steps 2–5, once step 1 has found a heap pointer: true when none of them exempts the write. */
    private static boolean suspected(PointerSteps steps, Object base, long offset) {
        // 2. Heap memory → allowed: a heap pointer inside the heap is the GC's business (a reference it traces, or a
        //    long field it never treats as one). A null test, or two compares against JIT constants.
        if (steps.isHeapDestination(base, offset)) {
            return false;
        }
        // 3. Checker context → allowed: the checker's own writes (Go's system stack), and a check nested in a report
        //    must not report again. A thread-local read, only once steps 1 and 2 suspect a violation.
        if (steps.inCheckerContext()) {
            return false;
        }
        // 4. Allocator context → allowed: an allocator keeps heap pointers in the native memory it manages and keeps
        //    the objects reachable by other means (Go's mallocing). The same thread-local read; after step 3
        //    because it is rarer to be true. It exempts this rule only: the memory rules still judge its writes.
        if (steps.inAllocatorContext()) {
            return false;
        }
        // 5. A persistent chunk → allowed: memory declared to hold heap pointers (Go's persistentalloc). Last, as in
        //    Go's patch: it walks lists and is rarely true; when it is false, the write is reported, and a report
        //    costs far more than the walk. Step 2 said the destination is not heap memory, so base is null and
        //    offset is the absolute address.
        return !steps.inPersistentChunk(offset);
    }
}
