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

    /**
     * Whether any rewritten write, copy or fill of native memory was checked. Tracked allocations alone do not count:
     * the JDK's own temporary direct buffers are tracked in any JVM, whatever the program does.
     */
    public boolean checkedAnything() {
        return sitesChecked > 0;
    }
}
