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
            MemoryFinding f = judge(steps, b, dst, length);
            // 3b. A container's own bytes (a stack buffer, a pool chunk) hold its children: a write that starts in
            //     the container's free space and runs into a child is judged by that child too. Only containers pay
            //     for the second lookup, and only on the slow path.
            return f.allowed() && b.isContainer() ? intoChild(steps, b, dst, length, f) : f;
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
            return notLive(steps, b, src, length);
        }
        return src - b.base >= 0 && src - b.base + length <= b.size && !b.isContainer() ? MemoryFinding.inside(b)
                : MemoryFinding.ALLOWED;
    }

    /**
     * {@code freeMemory(address)}. An allowed finding carries the block to free; null means an address the checker
     * never saw, which passes through untouched. {@code reportUnknown}: a free of such an address is an
     * {@code invalid-free} (strict, and not a free the JDK makes of memory it allocated before the agent started).
     */
    public static MemoryFinding free(MemorySteps steps, long address, boolean reportUnknown) {
        return free(steps, address, reportUnknown, Block.Family.HEAP);
    }

    /**
     * A free of {@code family}: a heap free ({@code freeMemory}, a declared free function) only ever frees heap
     * blocks, {@code ManagedMemory.freed} only the program's own: a pool's first piece starts where its chunk does,
     * and each free must find its own.
     */
    public static MemoryFinding free(MemorySteps steps, long address, boolean reportUnknown, Block.Family family) {
        // A tracked block starting here: live → free it; freed (in quarantine) → double free.
        Block b = steps.blockAt(address, family);
        if (b != null) {
            return b.state() == Block.LIVE ? MemoryFinding.inside(b)
                    : MemoryFinding.broken(Rule.DOUBLE_FREE, b, DstKind.FREED);
        }
        // A block that started here and already went back to malloc (the graveyard remembers it): double free.
        Block gone = family == Block.Family.HEAP ? steps.released(address) : null;
        if (gone != null) {
            return MemoryFinding.broken(Rule.DOUBLE_FREE, gone, DstKind.FREED);
        }
        // Inside a tracked block but not its start: malloc would corrupt its heap.
        Block holding = steps.blockHolding(address, family);
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
    private static MemoryFinding judge(MemorySteps steps, Block b, long dst, long length) {
        if (b.state() != Block.LIVE) {
            return notLive(steps, b, dst, length);
        }
        long offset = dst - b.base;
        return offset >= 0 && offset + length <= b.size ? MemoryFinding.inside(b)
                : MemoryFinding.broken(Rule.OVERFLOW, b, DstKind.NATIVE);
    }

    /**
     * An access to a block that is not live: poison → use-after-poison, anything freed → use-after-free — unless the
     * program manages that memory itself and says it is doing so now ({@code ManagedMemory.managing()}): a pool
     * writing its free-list link into a piece it took back. That exemption is narrow on purpose: only memory the
     * program poisoned or freed through {@code ManagedMemory}, never memory another allocator freed. A thread-local
     * read, paid only on the way to a report. Exempt bytes are only the block's own: a write running past it is
     * judged by the block around it, as any write there would be.
     */
    private static MemoryFinding notLive(MemorySteps steps, Block b, long dst, long length) {
        boolean managed = b.origin == Block.Origin.POISON || b.origin == Block.Origin.CLIENT;
        if (managed && steps.inManagingContext()) {
            if (dst - b.base >= 0 && dst - b.base + length <= b.size || b.parent() == null) {
                return MemoryFinding.ALLOWED;
            }
            return judge(steps, b.parent(), dst, length);
        }
        return b.origin == Block.Origin.POISON ? MemoryFinding.broken(Rule.USE_AFTER_POISON, b, DstKind.POISONED)
                : MemoryFinding.broken(Rule.USE_AFTER_FREE, b, DstKind.FREED);
    }

    /**
     * A write inside container {@code b}'s own bytes that reaches into one of its children: a freed or poisoned child
     * breaks its rule, a live one is an overflow into it. Otherwise {@code inside} stands (never cached: see
     * {@link SiteCache#remember}).
     */
    private static MemoryFinding intoChild(MemorySteps steps, Block b, long dst, long length, MemoryFinding inside) {
        Block child = steps.blockStartingIn(dst, dst + length);
        if (child == null || child == b || !b.encloses(child)) {
            return inside;
        }
        return child.state() != Block.LIVE ? notLive(steps, child, child.base, dst + length - child.base)
                : MemoryFinding.broken(Rule.OVERFLOW, child, DstKind.NATIVE);
    }
}
