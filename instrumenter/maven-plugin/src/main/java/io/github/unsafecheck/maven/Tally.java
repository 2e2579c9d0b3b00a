package io.github.unsafecheck.maven;

import org.apache.maven.plugin.logging.Log;

/** Counts of one offline instrumentation run, and the warning for each class that had to stay unchanged. */
final class Tally {
    int classes;
    int instrumented;
    int alreadyInstrumented;
    int failed;

    /** Counts the outcome; a failure is logged right away, naming the class and the reason. */
    void count(OfflineInstrumenter.Outcome o, String className, Log log) {
        classes++;
        if (o.failure != null) {
            failed++;
            log.warn("unsafecheck: could not instrument " + className + " (" + o.failure + "); it stays unchanged"
                    + (o.uncheckedSites > 0 ? ", its " + o.uncheckedSites + " Unsafe call site(s) run unchecked" : ""));
        }
        if (o.changed()) {
            instrumented++;
        }
        for (String note : o.notes) {
            log.warn(note);
        }
    }

    void add(Tally other) {
        classes += other.classes;
        instrumented += other.instrumented;
        alreadyInstrumented += other.alreadyInstrumented;
        failed += other.failed;
    }

    String describe() {
        return instrumented + " of " + classes + " classes instrumented"
                + (alreadyInstrumented > 0 ? ", " + alreadyInstrumented + " already instrumented by an earlier run" : "")
                + (failed > 0 ? ", " + failed + " left unchanged after an error (see the warnings)" : "");
    }
}
