package io.github.unsafecheck.agent;

import io.github.unsafecheck.runtime.config.ClassNameGlob;

import java.util.List;

/**
 * Which classes the agent rewrites: those the include globs match and the exclude globs do not, minus unsafecheck's
 * own code and the JDK's (bootstrap and platform loaders: the runtime itself calls into them, and rewriting
 * {@code jdk.internal.misc.Unsafe} users inside {@code java.base} would recurse).
 */
final class ClassFilter {
    private static final String[] OWN = {
        "io.github.unsafecheck.runtime.", "io.github.unsafecheck.agent.", "io.github.unsafecheck.instrumenter.",
    };

    private final List<ClassNameGlob> includes;
    private final List<ClassNameGlob> excludes;

    ClassFilter(List<ClassNameGlob> includes, List<ClassNameGlob> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    boolean accepts(ClassLoader loader, String dottedName) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        for (String own : OWN) {
            if (dottedName.startsWith(own)) {
                return false;
            }
        }
        return ClassNameGlob.anyMatches(includes, dottedName) && !ClassNameGlob.anyMatches(excludes, dottedName);
    }
}
