package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.persistent.PersistentChunks;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * The memory rules: where does a write of {@code length} bytes at an absolute address land, and what does freeing an
 * address mean? The cheap, common exits come before this class is reached — in the hooks: the block this call site
 * hit last (two compares), then heap memory and the thread contexts. What remains is the lookup, and the persistent
 * chunks last (a list walk, rarely true), as in the pointer rule.
 */
public final class MemoryRule {
    private MemoryRule() {
    }

    /** Classifies a write {@code [address, address + length)} that is not in the heap. */
    public static MemoryFinding write(Allocations allocations, long address, long length, boolean strict) {
        Block b = allocations.holding(address);
        if (b != null) {
            long offset = address - b.base;
            boolean live = b.state() == Block.LIVE;
            if (offset < b.size) {
                if (!live) {
                    return MemoryFinding.broken(Rule.USE_AFTER_FREE, b, Violation.FREED);
                }
                return offset + length <= b.size ? MemoryFinding.inside(b)
                        : MemoryFinding.broken(Rule.OVERFLOW, b, Violation.NATIVE);
            }
            // In the redzone after the block.
            return MemoryFinding.broken(live ? Rule.OVERFLOW : Rule.USE_AFTER_FREE, b,
                    live ? Violation.NATIVE : Violation.FREED);
        }
        Block next = allocations.lowestStartingIn(address, address + length);
        if (next != null) {
            // Starts in memory nobody owns and runs into a block from below.
            return MemoryFinding.broken(Rule.OVERFLOW, next, Violation.UNKNOWN);
        }
        if (PersistentChunks.contains(address)) {
            return MemoryFinding.ALLOWED;
        }
        return strict ? MemoryFinding.broken(Rule.WILD_WRITE, null, Violation.UNKNOWN) : MemoryFinding.ALLOWED;
    }

    /**
     * A write through a native segment starting at {@code segmentBase}: judged against the block holding the
     * segment's start — past its end an overflow however far, into it when freed a use-after-free. A segment over
     * memory the checker never saw falls back to the address alone.
     */
    public static MemoryFinding segmentWrite(Allocations allocations, long segmentBase, long address, long length,
            boolean strict) {
        Block b = allocations.holding(segmentBase);
        if (b == null) {
            return write(allocations, address, length, strict);
        }
        if (b.state() != Block.LIVE) {
            return MemoryFinding.broken(Rule.USE_AFTER_FREE, b, Violation.FREED);
        }
        long offset = address - b.base;
        return offset >= 0 && offset + length <= b.size ? MemoryFinding.inside(b)
                : MemoryFinding.broken(Rule.OVERFLOW, b, Violation.NATIVE);
    }

    /** A copy's source range: reading from a freed block is a use-after-free too. */
    public static MemoryFinding read(Allocations allocations, long address, long length) {
        Block b = allocations.holding(address);
        if (b != null && b.state() != Block.LIVE) {
            return MemoryFinding.broken(Rule.USE_AFTER_FREE, b, Violation.FREED);
        }
        return b != null && address - b.base + length <= b.size ? MemoryFinding.inside(b) : MemoryFinding.ALLOWED;
    }

    /**
     * Classifies {@code freeMemory(address)}. Allowed findings carry the block to free (null: an address the checker
     * never saw, which passes through untouched).
     */
    public static MemoryFinding free(Allocations allocations, long address, boolean strict) {
        Block b = allocations.at(address);
        if (b != null) {
            return b.state() == Block.LIVE ? MemoryFinding.inside(b)
                    : MemoryFinding.broken(Rule.DOUBLE_FREE, b, Violation.FREED);
        }
        Block gone = allocations.released(address);
        if (gone != null) {
            return MemoryFinding.broken(Rule.DOUBLE_FREE, gone, Violation.FREED);
        }
        Block holding = allocations.holding(address);
        if (holding != null) {
            return MemoryFinding.broken(Rule.INVALID_FREE, holding,
                    holding.state() == Block.LIVE ? Violation.NATIVE : Violation.FREED);
        }
        return strict ? MemoryFinding.broken(Rule.INVALID_FREE, null, Violation.UNKNOWN) : MemoryFinding.ALLOWED;
    }
}
