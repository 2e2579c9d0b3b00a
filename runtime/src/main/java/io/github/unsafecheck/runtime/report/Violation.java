package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One attempted bad write, with everything a report says about it. Immutable. */
public final class Violation {
    /** Kinds of destination memory, as the report's {@code dstKind} field names them. */
    public static final String HEAP = "heap";
    public static final String NATIVE = "native";
    public static final String PERSISTENT = "persistent";
    public static final String FREED = "freed";
    public static final String UNKNOWN = "unknown";

    private final Rule rule;
    private final String op;
    private final long dst;
    private final Long value;
    private final String valueType;
    private final int size;
    private final String dstKind;
    private final String thread;
    private final StackCapture stack;
    private final boolean skipped;

    public Violation(Rule rule, String op, long dst, Long value, String valueType, int size, String dstKind,
            StackCapture stack, boolean skipped) {
        this.rule = rule;
        this.op = op;
        this.dst = dst;
        this.value = value;
        this.valueType = valueType;
        this.size = size;
        this.dstKind = dstKind;
        this.thread = Thread.currentThread().getName();
        this.stack = stack;
        this.skipped = skipped;
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

    /** The one-line headline: also the message of {@code UnsafeWriteError}. */
    public String headline() {
        StringBuilder sb = new StringBuilder("unsafecheck: write of ");
        switch (rule) {
            case HEAP_POINTER:
                sb.append("Java heap pointer ").append(Hex.address(value));
                break;
            case HEAP_REFERENCE:
                if (valueType == null) {
                    sb.append("a null reference (HotSpot's GC barriers treat the destination as a heap slot)");
                } else {
                    sb.append("Java heap reference to a ").append(valueType);
                    if (value != null) {
                        sb.append(" (now at ").append(Hex.address(value)).append(')');
                    }
                }
                break;
            default:
                sb.append(size).append(" bytes");
        }
        sb.append(" to non-heap memory ").append(Hex.address(dst)).append(" [").append(rule.id()).append(']');
        return sb.toString();
    }

    /** The text block printed to stderr. */
    public String text(String outcome) {
        StringBuilder sb = new StringBuilder(headline()).append('\n');
        sb.append("\top: ").append(op).append("   at ").append(site()).append('\n');
        for (String frame : stack.formatted()) {
            sb.append("\tat ").append(frame).append('\n');
        }
        sb.append("\tdestination: ").append(describeDestination()).append('\n');
        sb.append("\tthread: ").append(thread).append('\n');
        sb.append('\t').append(outcome).append('\n');
        return sb.toString();
    }

    private String describeDestination() {
        switch (dstKind) {
            case UNKNOWN:
                return "unknown memory (no tracked native allocation or persistent chunk holds it)";
            default:
                return dstKind + " memory";
        }
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
        m.put("dstKind", dstKind);
        m.put("allocation", null);
        m.put("thread", thread);
        m.put("site", site());
        List<String> frames = stack.formatted();
        m.put("stack", frames);
        m.put("skipped", skipped);
        m.put("pid", ProcessHandle.current().pid());
        m.put("time", System.currentTimeMillis());
        StringBuilder sb = new StringBuilder(256);
        Json.object(sb, m);
        return sb.toString();
    }
}
