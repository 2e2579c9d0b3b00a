package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * The memory rules' slow path, reached when an access missed its call site's cached block: runs {@link MemoryRule}
 * against the live registry, refills the site's cache with a live block the access lies in, and hands a violation to
 * the {@link Outcome}. Each entry marks its site as checked ({@link CheckedSites}): here, off the fast path.
 */
public final class MemoryCheck {
    private static final MemorySteps STEPS = new LiveMemorySteps(null, UnsafeCheckRuntime.options().strict());

    private MemoryCheck() {
    }

    /** A write of {@code [dst, dst + length)}, judged by the block holding {@code anchor} (see MemoryRule). */
    public static void write(long dst, long length, long anchor, String op, Violation.Access access, int slot) {
        CheckedSites.mark(slot);
        // Step 0b: the block this site wrote into before the last one (see SiteCache.hitPrevious).
        if (SiteCache.hitPrevious(slot, dst, length, anchor)) {
            return;
        }
        MemoryFinding f = MemoryRule.write(STEPS, dst, length, anchor);
        if (f.allowed()) {
            remember(slot, f);
            return;
        }
        Outcome.access(f, op, access, dst, length);
    }

    /** The source of a copy, {@code [src, src + length)}: reading a freed block is a use-after-free. */
    public static void read(long src, long length, long anchor, String op, int slot) {
        CheckedSites.mark(slot);
        MemoryFinding f = MemoryRule.read(STEPS, src, length, anchor);
        if (f.allowed()) {
            remember(slot, f);
            return;
        }
        Outcome.access(f, op, Violation.Access.COPY_FROM, src, length);
    }

    /**
     * A write through a segment whose exact address is unknown (a path var handle with index coordinates): only the
     * segment's own block can be judged — freed, it is a use-after-free. A live block that holds the whole segment
     * is cached for the site: the JDK keeps every access inside the segment.
     */
    public static void liveness(long segmentBase, long segmentSize, String op, int slot) {
        CheckedSites.mark(slot);
        MemoryFinding f = MemoryRule.read(STEPS, segmentBase, 1, segmentBase);
        if (f.allowed()) {
            if (f.block() != null && f.block().covers(segmentBase, segmentSize)) {
                SiteCache.remember(slot, f.block());
            }
            return;
        }
        Outcome.access(f, op, Violation.Access.WRITE, segmentBase, 1);
    }

    /** {@code freeMemory(address)}; see {@link MemoryRule#free}. */
    public static MemoryFinding free(long address, boolean reportUnknown) {
        return MemoryRule.free(STEPS, address, reportUnknown);
    }

    /** A free of {@code family}'s blocks only ({@code ManagedMemory.freed}); see {@link MemoryRule#free}. */
    public static MemoryFinding free(long address, boolean reportUnknown, Block.Family family) {
        return MemoryRule.free(STEPS, address, reportUnknown, family);
    }

    private static void remember(int slot, MemoryFinding f) {
        if (f.block() != null) {
            SiteCache.remember(slot, f.block());
        }
    }
}
