package io.github.unsafecheck.runtime;

/**
 * Thrown by a rewritten call site, before the write, when the write breaks a rule and the mode is {@code throw}.
 * The memory the write would have touched is unchanged. An {@code Error}, like BlockHound's, so that ordinary
 * {@code catch (Exception e)} blocks do not swallow it; its stack starts at the offending call.
 */
public final class UnsafeWriteError extends Error {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final long destination;
    private final String site;

    public UnsafeWriteError(String message, String rule, long destination, String site,
            StackTraceElement[] stack) {
        super(message, null, false, true);
        this.rule = rule;
        this.destination = destination;
        this.site = site;
        setStackTrace(stack);
    }

    /** The rule id, e.g. {@code heap-pointer}. */
    public String rule() {
        return rule;
    }

    /** The address the write was aimed at. */
    public long destination() {
        return destination;
    }

    /** The call site, {@code Class.method(File.java:line)}. */
    public String site() {
        return site;
    }
}
