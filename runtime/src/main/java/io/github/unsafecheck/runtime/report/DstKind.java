package io.github.unsafecheck.runtime.report;

/** What the destination of a violation is, as the report's {@code dstKind} field names it. */
public enum DstKind {
    /** Inside (or in the redzone of) a live native block the checker tracks. */
    NATIVE("native"),
    /** Inside a block the program freed (still held in quarantine). */
    FREED("freed"),
    /** Bytes the program poisoned ({@code ManagedMemory.poison}): not freed, maybe never allocated. */
    POISONED("poisoned"),
    /** Memory no tracked block holds. */
    UNKNOWN("unknown");

    private final String id;

    DstKind(String id) {
        this.id = id;
    }

    /** The token in the JSON record. */
    public String id() {
        return id;
    }
}
