package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.report.Violation;

/** The verdict of a memory rule on one write or free: allowed (maybe inside a known block), or a broken rule. */
public final class MemoryFinding {
    public static final MemoryFinding ALLOWED = new MemoryFinding(null, null, Violation.UNKNOWN);

    private final Rule rule;
    private final Block block;
    private final String dstKind;

    private MemoryFinding(Rule rule, Block block, String dstKind) {
        this.rule = rule;
        this.block = block;
        this.dstKind = dstKind;
    }

    static MemoryFinding inside(Block b) {
        return new MemoryFinding(null, b, Violation.NATIVE);
    }

    static MemoryFinding broken(Rule rule, Block b, String dstKind) {
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

    /** {@code native}, {@code freed}, {@code unknown}, {@code persistent}, {@code heap}. */
    public String dstKind() {
        return dstKind;
    }
}
