package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.stack.StackCapture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempted bad write or free, with everything a report says about it. Immutable; the block it names is not (a
 * live block may be freed later), so a report says what the block was when it is formatted.
 */
public final class Violation {
    /** What the program tried to do at {@code dst}. */
    public enum Access {
        STORE("write"), WRITE("write"), COPY("copy"), COPY_FROM("copy"), FILL("fill"), FREE("free");

        private final String noun;

        Access(String noun) {
            this.noun = noun;
        }
    }

    private final Rule rule;
    private final String op;
    private final Access access;
    private final long dst;
    private final Long value;
    private final String valueType;
    private final long size;
    private final DstKind dstKind;
    private final Block block;
    private final String thread;
    private final StackCapture stack;
    private final boolean skipped;
    /** For a dangling pointer: where and by whom it was stored; otherwise null. */
    private final String storedAt;
    private final String storedBy;

    private Violation(Rule rule, String op, Access access, long dst, Long value, String valueType, long size,
            DstKind dstKind, Block block, StackCapture stack, boolean skipped, String storedAt, String storedBy) {
        this.rule = rule;
        this.op = op;
        this.access = access;
        this.dst = dst;
        this.value = value;
        this.valueType = valueType;
        this.size = size;
        this.dstKind = dstKind;
        this.block = block;
        this.thread = Thread.currentThread().getName();
        this.stack = stack;
        this.skipped = skipped;
        this.storedAt = storedAt;
        this.storedBy = storedBy;
    }

    /** The pointer rule: {@code value} is a heap address, or the current address of the reference stored. */
    public static Violation pointer(Rule rule, String op, long dst, Long value, String valueType, long size,
            DstKind dstKind, Block block, StackCapture stack, boolean skipped) {
        return new Violation(rule, op, Access.STORE, dst, value, valueType, size, dstKind, block, stack, skipped,
                null, null);
    }

    /** The memory rules: an access of {@code size} bytes at {@code dst}. */
    public static Violation memory(Rule rule, String op, Access access, long dst, long size, DstKind dstKind,
            Block block, StackCapture stack, boolean skipped) {
        return new Violation(rule, op, access, dst, null, null, size, dstKind, block, stack, skipped, null, null);
    }

    /** A pointer to {@code block}, stored at {@code dst} by {@code storedAt}, left behind when the block was freed. */
    public static Violation dangling(String op, long dst, long value, Block block, String storedAt, String storedBy,
            StackCapture stack) {
        return new Violation(Rule.DANGLING_POINTER, op, Access.FREE, dst, value, null, 8, DstKind.NATIVE, block,
                stack, false, storedAt, storedBy);
    }

    public Rule rule() {
        return rule;
    }

    public String op() {
        return op;
    }

    public long dst() {
        return dst;
    }

    public String site() {
        return stack.site();
    }

    public StackCapture stack() {
        return stack;
    }

    public boolean skipped() {
        return skipped;
    }

    public Block block() {
        return block;
    }

    public boolean isFree() {
        return access == Access.FREE;
    }

    /** A finding that reports without stopping anything (the dangling-pointer rule). */
    public boolean isNotice() {
        return rule == Rule.DANGLING_POINTER;
    }

    /** The one-line headline: also the message of {@code UnsafeWriteError}. */
    public String headline() {
        StringBuilder sb = new StringBuilder("unsafecheck: ");
        switch (rule) {
            case HEAP_POINTER:
                sb.append("write of Java heap pointer ").append(Hex.address(value)).append(" to non-heap memory ")
                        .append(Hex.address(dst));
                break;
            case HEAP_REFERENCE:
                sb.append("write of ");
                if (valueType == null) {
                    sb.append("a null reference (HotSpot's GC barriers treat the destination as a heap slot)");
                } else {
                    sb.append("Java heap reference to a ").append(valueType);
                    if (value != null) {
                        sb.append(" (now at ").append(Hex.address(value)).append(')');
                    }
                }
                sb.append(" to non-heap memory ").append(Hex.address(dst));
                break;
            case OVERFLOW:
                access(sb);
                overflow(sb);
                break;
            case USE_AFTER_FREE:
                access(sb);
                String freed = block.origin == Block.Origin.STACK ? "popped" : "freed";
                sb.append(access == Access.COPY_FROM ? " reads from " : " into ").append(freed).append(' ')
                        .append(block.describe()).append(", ").append(freed).append(" at ").append(block.freedAt());
                break;
            case USE_AFTER_POISON:
                access(sb);
                sb.append(access == Access.COPY_FROM ? " reads from " : " into ").append(block.describe())
                        .append(", poisoned at ").append(block.freedAt());
                break;
            case DOUBLE_FREE:
                sb.append("free of ").append(block.describe()).append(", already freed at ").append(block.freedAt());
                break;
            case INVALID_FREE:
                sb.append("free of ").append(Hex.address(dst));
                if (block == null) {
                    sb.append(", an address unsafecheck never saw allocated");
                } else {
                    sb.append(", ").append(dst - block.base).append(" bytes inside ").append(block.describe());
                }
                break;
            case WILD_WRITE:
                access(sb);
                sb.append(" into memory unsafecheck never saw allocated");
                break;
            case DANGLING_POINTER:
                sb.append("pointer ").append(Hex.address(value)).append(" into freed ").append(block.describe())
                        .append(" is still stored at ").append(Hex.address(dst)).append(" (stored at ")
                        .append(storedAt).append(')');
                break;
            default:
                throw new AssertionError(rule);
        }
        return sb.append(" [").append(rule.id()).append(']').toString();
    }

    /**
     * Which bytes of the block the access covers, counted from the block's start, and by how many it misses the block:
     * {@code covers bytes 60..67 of the 64-byte native allocation #1 at 0x…: 4 bytes past its end}. (A distance from
     * the end alone reads wrong: "0 bytes past the end" of a write that starts right at the end.)
     */
    private void overflow(StringBuilder sb) {
        long first = dst - block.base;
        long last = first + Math.max(size, 1) - 1;
        sb.append(first == last ? " covers byte " + first : " covers bytes " + first + ".." + last).append(" of the ")
                .append(block.size).append("-byte ").append(block.origin.noun()).append(" #").append(block.id)
                .append(" at ").append(Hex.address(block.base)).append(": ");
        if (first < 0) {
            sb.append(-first).append(first == -1 ? " byte" : " bytes").append(" before its start");
        } else {
            long over = last + 1 - block.size;
            sb.append(over).append(over == 1 ? " byte" : " bytes").append(" past its end");
        }
    }

    private void access(StringBuilder sb) {
        sb.append(size).append("-byte ").append(access.noun).append(access == Access.COPY_FROM ? " from " : " at ")
                .append(Hex.address(dst));
    }

    /** The text block printed to stderr. */
    public String text(String outcome) {
        StringBuilder sb = new StringBuilder(headline()).append('\n');
        // The site is the stack's first frame: printed once, there.
        sb.append("\top: ").append(op).append('\n');
        for (String frame : stack.formatted()) {
            sb.append("\tat ").append(frame).append('\n');
        }
        if (block != null && block.origin == Block.Origin.POISON) {
            sb.append('\t').append(block.describe()).append(" poisoned at ").append(block.freedAt())
                    .append(" on thread ").append(block.freedBy()).append('\n');
            frames(sb, block.freeStack());
        } else if (block != null) {
            sb.append('\t').append(block.describe()).append(" allocated at ").append(block.allocatedAt())
                    .append(" on thread ").append(block.allocatedBy()).append('\n');
            frames(sb, block.allocationStack());
            if (block.freedAt() != null) {
                sb.append('\t').append(block.origin == Block.Origin.STACK ? "popped" : "freed").append(" at ")
                        .append(block.freedAt()).append(" on thread ").append(block.freedBy()).append('\n');
                frames(sb, block.freeStack());
            }
        } else {
            sb.append("\tdestination: ").append(describeDestination()).append('\n');
        }
        if (storedAt != null) {
            sb.append("\tthe pointer was stored at ").append(storedAt).append(" on thread ").append(storedBy)
                    .append('\n');
        }
        sb.append("\tthread: ").append(thread).append('\n');
        sb.append('\t').append(outcome).append('\n');
        return sb.toString();
    }

    private static void frames(StringBuilder sb, List<String> frames) {
        if (frames != null) {
            for (String f : frames) {
                sb.append("\t\tat ").append(f).append('\n');
            }
        }
    }

    private String describeDestination() {
        return dstKind == DstKind.UNKNOWN
                ? "unknown memory (no tracked native allocation or persistent chunk holds it)"
                : dstKind.id() + " memory";
    }

    /** The JSON-lines record: fields as DESIGN.md fixes them, in that order. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule.id());
        m.put("op", op);
        m.put("dst", Hex.address(dst));
        m.put("value", value == null ? null : Hex.address(value));
        if (valueType != null) {
            m.put("valueType", valueType);
        }
        m.put("size", size);
        m.put("dstKind", dstKind.id());
        m.put("allocation", block == null ? null : allocation(block));
        m.put("thread", thread);
        m.put("site", site());
        m.put("stack", stack.formatted());
        m.put("skipped", skipped);
        if (storedAt != null) {
            m.put("storedAt", storedAt);
            m.put("storedBy", storedBy);
        }
        m.put("pid", ProcessHandle.current().pid());
        m.put("time", System.currentTimeMillis());
        StringBuilder sb = new StringBuilder(256);
        Json.object(sb, m);
        return sb.toString();
    }

    static Map<String, Object> allocation(Block b) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", b.id);
        a.put("base", Hex.address(b.base));
        a.put("size", b.size);
        a.put("kind", b.kind());
        a.put("allocatedAt", b.allocatedAt());
        a.put("allocatedBy", b.allocatedBy());
        if (b.allocationStack() != null) {
            a.put("allocationStack", b.allocationStack());
        }
        a.put("freedAt", b.freedAt());
        a.put("freedBy", b.freedBy());
        if (b.freeStack() != null) {
            a.put("freeStack", b.freeStack());
        }
        return a;
    }
}
