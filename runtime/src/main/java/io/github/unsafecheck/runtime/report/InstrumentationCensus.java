package io.github.unsafecheck.runtime.report;

/**
 * What the instrumenter did in this JVM, for the run's end record. The agent supplies it; offline-instrumented code
 * was rewritten at build time, so a run started from system properties has none.
 */
public interface InstrumentationCensus {
    /** Call sites rewritten so far (the JDK's own allocation sites included). */
    long sitesRewritten();

    /** Classes with at least one call site rewritten. */
    long classesTransformed();
}
