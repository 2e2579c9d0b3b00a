package io.github.unsafecheck.runtime.config;

import java.util.Locale;

/**
 * Every option of unsafecheck: its key (used as {@code -javaagent:…=key=value}, as the system property
 * {@code unsafecheck.<key>} and as the Maven parameter of the same name), its default and how its value is checked.
 * List values are separated by {@code :}.
 */
public enum Option {
    MODE("mode", "throw", "throw|report|count",
            "what a violation does: throw UnsafeWriteError before the write, report it and let the write happen, or only count it"),
    REPORT("report", "", "<file>",
            "append one JSON object per violation to this file (JSON lines), between a start and an end record of the"
                    + " JVM; empty = no file"),
    RULES("rules", "", "<rule>:<rule>…|all",
            "the rules to check; empty = every rule that is on by default"),
    STRICT("strict", "false", "true|false",
            "also report writes to, and frees of, memory the checker never saw (rules wild-write, invalid-free)"),
    REDZONE("redzone", "64", "<bytes>",
            "bytes added after each native block the hooks allocate: a write just past the end lands there, not in a neighbour"),
    QUARANTINE("quarantine", "64m", "<bytes>[k|m|g]",
            "freed blocks are held back this many bytes' worth before really going back to malloc (0 = none)"),
    STACKS("stacks", "true", "true|false",
            "record the allocating and freeing stack of each native block (false: only the call site, faster)"),
    LEAKS("leaks", "false", "true|false",
            "at exit, list the native blocks still allocated, grouped by allocation site"),
    INCLUDE("include", "*", "<glob>:<glob>…",
            "classes whose call sites are rewritten (class-name globs with * and ?)"),
    EXCLUDE("exclude", "", "<glob>:<glob>…",
            "classes left alone even when included"),
    DATA("data", "", "<glob|pkg.Class#method>:…",
            "classes or methods whose 64-bit stores are data (counters, offsets, checksums), not pointers: the "
                    + "heap-pointer rule skips their putLong/CAS/getAndSet and JAVA_LONG stores; putAddress and "
                    + "ADDRESS stores, and the memory rules, stay on"),
    ALLOCATORS("allocators", "", "<pkg.Class#method>:…",
            "methods that run in allocator context, where storing heap pointers into native memory is allowed "
                    + "(the pointer rules only: overflow and use-after-free are still checked)"),
    TRACK("track", "", "<pkg.Class#method[(desc)]=role[@i…]>:…",
            "your own allocation functions, by role (alloc, calloc, realloc, aligned-alloc, free; @i: which "
                    + "parameters are size, count, pointer, alignment): their memory is tracked like allocateMemory's "
                    + "(redzone, quarantine, history, double and invalid free, leaks). LWJGL, JNA and FFM downcalls to "
                    + "malloc/free are tracked without it"),
    COVERAGE("coverage", "", "<file>",
            "at exit, write what the instrumenter saw per class (call sites rewritten, skipped and why) to this file"),
    VERBOSE("verbose", "false", "true|false",
            "print the effective settings and the heap ranges at start");

    /** Prefix of the system property that carries each option. */
    public static final String PROPERTY_PREFIX = "unsafecheck.";

    private final String key;
    private final String defaultValue;
    private final String syntax;
    private final String description;

    Option(String key, String defaultValue, String syntax, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.syntax = syntax;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The accepted values, as shown in messages and in the help text. */
    public String syntax() {
        return syntax;
    }

    public String description() {
        return description;
    }

    public String propertyName() {
        return PROPERTY_PREFIX + key;
    }

    /** The option with this key, or null. */
    public static Option byKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }

    /** The keys of all options, for "known options are …" messages. */
    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Option o : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(o.key);
        }
        return sb.toString();
    }

    String normalize(String raw) {
        switch (this) {
            case MODE:
            case STRICT:
            case VERBOSE:
            case STACKS:
            case LEAKS:
            case QUARANTINE:
                return raw.trim().toLowerCase(Locale.ROOT);
            default:
                return raw.trim();
        }
    }
}
