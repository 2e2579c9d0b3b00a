package io.github.unsafecheck.runtime.report;

/**
 * What one JVM's checker did, counted at exit: the end record's numbers and the clean run's exit line. The census
 * counts are -1 when no agent instrumented this JVM (offline-instrumented classes).
 */
public final class RunCounts {
    public final long sitesRewritten;
    public final long classesTransformed;
    public final long allocationsTracked;
    public final long sitesChecked;
    public final long violations;

    public RunCounts(long sitesRewritten, long classesTransformed, long allocationsTracked, long sitesChecked,
            long violations) {
        this.sitesRewritten = sitesRewritten;
        this.classesTransformed = classesTransformed;
        this.allocationsTracked = allocationsTracked;
        this.sitesChecked = sitesChecked;
        this.violations = violations;
    }

    /** Whether any check ran: a call site's check, or an allocation tracked. */
    public boolean checkedAnything() {
        return sitesChecked > 0 || allocationsTracked > 0;
    }
}
