package io.github.unsafecheck.instrumenter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the instrumenter did to one class: each relevant call site (rewritten or skipped, with the reason), or why
 * the whole class was left unchanged. This is what makes a clean run trustworthy: what was not rewritten is listed.
 */
public final class ClassCoverage {
    private final String className;
    private final List<CallSite> sites;
    private final String failure;

    ClassCoverage(String className, List<CallSite> sites, String failure) {
        this.className = className;
        this.sites = Collections.unmodifiableList(new ArrayList<>(sites));
        this.failure = failure;
    }

    /** A class that could not be transformed: every site it has (if known) runs unchecked. */
    public static ClassCoverage failed(String className, List<CallSite> knownSites, String reason) {
        List<CallSite> skipped = new ArrayList<>();
        for (CallSite s : knownSites) {
            skipped.add(s.rewritten() ? s.skipped("class left unchanged: " + reason) : s);
        }
        return new ClassCoverage(className, skipped, reason);
    }

    /** Dotted class name. */
    public String className() {
        return className;
    }

    public List<CallSite> sites() {
        return sites;
    }

    /** Why the class was left unchanged, or null. */
    public String failure() {
        return failure;
    }

    public int rewrittenCount() {
        int n = 0;
        for (CallSite s : sites) {
            if (s.rewritten()) {
                n++;
            }
        }
        return n;
    }

    public int skippedCount() {
        return sites.size() - rewrittenCount();
    }
}
