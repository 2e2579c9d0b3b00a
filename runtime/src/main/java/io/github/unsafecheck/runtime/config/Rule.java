package io.github.unsafecheck.runtime.config;

/**
 * The rules a violation can break. The id is the stable token that reports, the {@code rules} option
 * and the Maven {@code check} goal use.
 */
public enum Rule {
    /** A Java heap address stored into native memory: the GC cannot see it, and it goes stale when the object moves. */
    HEAP_POINTER("heap-pointer", true),
    /**
     * A reference store ({@code putObject}/{@code putReference}) at a native address: HotSpot's GC barriers treat the
     * destination as a heap slot and crash on it, whatever the value (null included).
     */
    HEAP_REFERENCE("heap-reference", true),
    /** A write that crosses the end of a live native allocation, or lands in the redzone after it. */
    OVERFLOW("overflow", true),
    /** A write into a freed native allocation (still held in quarantine), or a copy that reads from one. */
    USE_AFTER_FREE("use-after-free", true),
    /**
     * A write into bytes the program poisoned through {@code ManagedMemory.poison} (AddressSanitizer's
     * use-after-poison): a pool's free space, a reserve it has not handed out. Not a use-after-free: poisoned memory
     * may never have been allocated at all.
     */
    USE_AFTER_POISON("use-after-poison", true),
    /** A free of an allocation that was already freed: it never reaches malloc. */
    DOUBLE_FREE("double-free", true),
    /** A free of an address inside an allocation but not its start (or, with {@code strict}, never allocated). */
    INVALID_FREE("invalid-free", true),
    /** A write into memory the checker never saw allocated: reported only with {@code strict=true}. */
    WILD_WRITE("wild-write", true),
    /**
     * Opt-in: when a block is freed, a pointer to it that a checked store left in live native memory (and that is
     * still there) is reported, naming where it was stored.
     */
    DANGLING_POINTER("dangling-pointer", false, "dangling");

    private final String id;
    private final boolean onByDefault;
    private final String shortForm;

    Rule(String id, boolean onByDefault) {
        this(id, onByDefault, null);
    }

    Rule(String id, boolean onByDefault, String shortForm) {
        this.id = id;
        this.onByDefault = onByDefault;
        this.shortForm = shortForm;
    }

    public String id() {
        return id;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    /** Another name accepted for the rule ({@code dangling} for {@code dangling-pointer}), or null. */
    public String shortForm() {
        return shortForm;
    }

    /** The rule with this id or short form, or null. */
    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id) || id.equals(r.shortForm)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
