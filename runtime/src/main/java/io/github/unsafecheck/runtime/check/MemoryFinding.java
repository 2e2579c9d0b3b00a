package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.report.DstKind;

/** The verdict of a memory rule on one access or free: allowed (maybe inside a known block), or a broken rule. */
public final class MemoryFinding {
    /** Allowed, and no tracked block vouches for the memory (heap, unknown or persistent memory). */
    public static final MemoryFinding ALLOWED = new MemoryFinding(null, null, DstKind.UNKNOWN);

    private final Rule rule;
    private final Block block;
    private final DstKind dstKind;

    private MemoryFinding(Rule rule, Block block, DstKind dstKind) {
        this.rule = rule;
        this.block = block;
        this.dstKind = dstKind;
    }

    /** Allowed: the access lies inside the live block {@code b} (which a call site may cache). */
    static MemoryFinding inside(Block b) {
        return new MemoryFinding(null, b, DstKind.NATIVE);
    }

    static MemoryFinding broken(Rule rule, Block b, DstKind dstKind) {
        return new MemoryFinding(rule, b, dstKind);
    }

    public boolean allowed() {
        return rule == null;
    }

    /** The broken rule, or null when allowed. */
    public Rule rule() {
        return rule;
    }

    /** The block involved, or null. */
    public Block block() {
        return block;
    }

    public DstKind dstKind() {
        return dstKind;
    }
}
