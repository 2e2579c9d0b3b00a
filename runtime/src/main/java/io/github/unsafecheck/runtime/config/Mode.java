package io.github.unsafecheck.runtime.config;

/** What a violation does to the program. */
public enum Mode {
    /** Record the violation, then throw {@code UnsafeWriteError} before the write: memory stays untouched. */
    THROW,
    /** Record the violation and let the write go ahead (except a reference store at a native address, which is skipped). */
    REPORT,
    /** Only count; a summary at exit. Reference stores at native addresses are skipped as in {@link #REPORT}. */
    COUNT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
