package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.report.DstKind;

/**
 * The memory rules, as one chain: where does an access of {@code length} bytes at an absolute address land, and what
 * does freeing an address mean? Like {@link PointerRule}, the steps run in cost order and every branch says why it is
 * safe and why it sits where it sits; a test pins the order ({@code MemoryRuleTest}).
 *
 * <p>Step 0 is not here: each hook first asks its call site's cached block (two compares the JIT keeps in the
 * caller's loop, {@link SiteCache}); only a miss reaches this chain, and a write it finds inside a live block refills
 * the cache. A non-null base object never reaches it either: an offset into an object is not an address, and the
 * object is heap memory, the GC's business — every hook tests that first.
 *
 * <p>The block that judges an access is the one that holds its <em>anchor</em>: the access's own address for
 * {@code Unsafe}, the segment's start for a {@code MemorySegment} — so that a segment reinterpreted far past its
 * allocation is an overflow of that allocation, not a write into nobody's memory.
 */
public final class MemoryRule {
    private MemoryRule() {
    }

    /** A write of {@code [dst, dst + length)}, judged by the block holding {@code anchor}. */
    public static MemoryFinding write(MemorySteps steps, long dst, long length, long anchor) {
        // Nothing written, nothing to judge: a zero-length copy or fill touches no memory.
        if (length <= 0) {
            return MemoryFinding.ALLOWED;
        }
        // 1. Heap memory → allowed: an absolute address inside the Java heap is the GC's business, as in the pointer
        //    rule. Two compares against JIT constants: first, because it is the cheapest question.
        if (steps.isHeapDestination(dst)) {
            return MemoryFinding.ALLOWED;
        }
        // 2. Checker context → allowed: the checker's own writes, and a check nested in a report, must not report.
        //    A thread-local read, after the compares.
        if (steps.inCheckerContext()) {
            return MemoryFinding.ALLOWED;
        }
        // Allocator context is deliberately not a step here. It says that a method keeps heap pointers in the native
        // memory it manages (Go's mallocing exempts the pointer check, and only that); it does not say that the
        // method may write past the end of its blocks or into freed ones, so an allocator's overflow is reported.
        //
        // 3. The tracked block that holds the anchor judges the write: freed → use-after-free, past its end (or in
        //    its redzone) → overflow, inside → allowed. The lookup is the expensive part of the chain (a page index),
        //    which is why it comes after the cheap exits.
        Block b = blockFor(steps, dst, anchor);
        if (b != null) {
            return judge(b, dst, length);
        }
        // 4. In no block, but running into one from below → an overflow of that block: the first bytes land in
        //    memory nobody tracks, the rest in somebody else's allocation.
        Block above = steps.blockStartingIn(dst, dst + length);
        if (above != null) {
            return MemoryFinding.broken(Rule.OVERFLOW, above, DstKind.UNKNOWN);
        }
        // 5. Memory the checker never saw (JNI, a mapped file, memory allocated before the agent) → allowed unless
        //    strict: without the allocation, there is nothing to judge the write against.
        if (!steps.strict()) {
            return MemoryFinding.ALLOWED;
        }
        // 6. Under strict, persistent memory is known memory → allowed. Asked only here: without strict the write is
        //    allowed anyway, and a list walk that decides nothing would be cost for nothing. Last, because it walks
        //    lists and is rarely true.
        if (steps.inPersistentChunk(dst)) {
            return MemoryFinding.ALLOWED;
        }
        return MemoryFinding.broken(Rule.WILD_WRITE, null, DstKind.UNKNOWN);
    }

    /**
     * A read of {@code [src, src + length)} — the source of a copy, or the liveness of a segment — judged by the block
     * holding {@code anchor}: reading a freed block is a use-after-free; reads are not judged for bounds.
     */
    public static MemoryFinding read(MemorySteps steps, long src, long length, long anchor) {
        if (length <= 0) {
            return MemoryFinding.ALLOWED;
        }
        // 1, 2: as for writes.
        if (steps.isHeapDestination(src)) {
            return MemoryFinding.ALLOWED;
        }
        if (steps.inCheckerContext()) {
            return MemoryFinding.ALLOWED;
        }
        // 3. Only a tracked block can say anything: freed → use-after-free; a live block holding the whole range is
        //    returned so that the call site can cache it.
        Block b = blockFor(steps, src, anchor);
        if (b == null) {
            return MemoryFinding.ALLOWED;
        }
        if (b.state() != Block.LIVE) {
            return MemoryFinding.broken(Rule.USE_AFTER_FREE, b, DstKind.FREED);
        }
        return src - b.base >= 0 && src - b.base + length <= b.size ? MemoryFinding.inside(b) : MemoryFinding.ALLOWED;
    }

    /**
     * {@code freeMemory(address)}. An allowed finding carries the block to free; null means an address the checker
     * never saw, which passes through untouched. {@code reportUnknown}: a free of such an address is an
     * {@code invalid-free} (strict, and not a free the JDK makes of memory it allocated before the agent started).
     */
    public static MemoryFinding free(MemorySteps steps, long address, boolean reportUnknown) {
        // A tracked block starting here: live → free it; freed (in quarantine) → double free.
        Block b = steps.blockAt(address);
        if (b != null) {
            return b.state() == Block.LIVE ? MemoryFinding.inside(b)
                    : MemoryFinding.broken(Rule.DOUBLE_FREE, b, DstKind.FREED);
        }
        // A block that started here and already went back to malloc (the graveyard remembers it): double free.
        Block gone = steps.released(address);
        if (gone != null) {
            return MemoryFinding.broken(Rule.DOUBLE_FREE, gone, DstKind.FREED);
        }
        // Inside a tracked block but not its start: malloc would corrupt its heap.
        Block holding = steps.blockHolding(address);
        if (holding != null) {
            return MemoryFinding.broken(Rule.INVALID_FREE, holding,
                    holding.state() == Block.LIVE ? DstKind.NATIVE : DstKind.FREED);
        }
        return reportUnknown ? MemoryFinding.broken(Rule.INVALID_FREE, null, DstKind.UNKNOWN) : MemoryFinding.ALLOWED;
    }

    /**
     * The block that holds the anchor; for a segment over memory the checker never saw, the one that holds the
     * access's own address.
     */
    private static Block blockFor(MemorySteps steps, long address, long anchor) {
        Block b = steps.blockHolding(anchor);
        return b != null || anchor == address ? b : steps.blockHolding(address);
    }

    /** A tracked block's verdict on {@code [dst, dst + length)}. */
    private static MemoryFinding judge(Block b, long dst, long length) {
        if (b.state() != Block.LIVE) {
            return MemoryFinding.broken(Rule.USE_AFTER_FREE, b, DstKind.FREED);
        }
        long offset = dst - b.base;
        return offset >= 0 && offset + length <= b.size ? MemoryFinding.inside(b)
                : MemoryFinding.broken(Rule.OVERFLOW, b, DstKind.NATIVE);
    }
}
