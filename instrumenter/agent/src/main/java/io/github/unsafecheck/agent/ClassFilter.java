package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.ClassScope;

/**
 * Which classes the agent rewrites: those in the {@link ClassScope} (include/exclude globs, never unsafecheck's own
 * code), minus the JDK's (bootstrap and platform loaders: the runtime itself calls into them, and rewriting
 * {@code jdk.internal.misc.Unsafe} users inside {@code java.base} would recurse).
 */
final class ClassFilter {
    private final ClassScope scope;

    ClassFilter(ClassScope scope) {
        this.scope = scope;
    }

    boolean accepts(ClassLoader loader, String dottedName) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        return scope.accepts(dottedName);
    }
}
