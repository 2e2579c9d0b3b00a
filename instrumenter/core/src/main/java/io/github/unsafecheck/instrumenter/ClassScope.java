package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.config.ClassNameGlob;
import io.github.unsafecheck.runtime.config.Options;

import java.util.List;

/**
 * Which classes get their call sites rewritten, by name: those the {@code include} globs match and the
 * {@code exclude} globs do not, never unsafecheck's own code (rewriting the checker would make it check itself).
 * Shared by the agent (which also leaves the JDK's loaders alone) and the offline instrumentation.
 */
public final class ClassScope {
    private static final String[] OWN = {
        "io.github.unsafecheck.runtime.", "io.github.unsafecheck.agent.", "io.github.unsafecheck.instrumenter.",
        "io.github.unsafecheck.maven.",
    };

    private final List<ClassNameGlob> includes;
    private final List<ClassNameGlob> excludes;

    public ClassScope(List<ClassNameGlob> includes, List<ClassNameGlob> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    public static ClassScope of(Options options) {
        return new ClassScope(options.includes(), options.excludes());
    }

    /** Dotted binary name ({@code com.example.Outer$Inner}). */
    public boolean accepts(String dottedName) {
        for (String own : OWN) {
            if (dottedName.startsWith(own)) {
                return false;
            }
        }
        return ClassNameGlob.anyMatches(includes, dottedName) && !ClassNameGlob.anyMatches(excludes, dottedName);
    }
}
