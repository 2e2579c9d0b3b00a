package io.github.unsafecheck.agent;

import jdk.internal.misc.Unsafe;

/**
 * Defines a class in the bootstrap loader with a direct call of {@code jdk.internal.misc.Unsafe.defineClass}.
 *
 * <p>Compiled on its own with {@code --add-exports java.base/jdk.internal.misc} (see the agent's pom), and linked
 * only after {@link NestedRuntime} has exported that package to the agent's module at run time. A direct call rather
 * than {@code Method.invoke}: the JVM's first reflective call of a six-argument method spins method-handle classes
 * (with the JDK's class-file API on JDK 24+), 25 ms or more of the agent's start-up on a 2-core machine.
 */
final class BootstrapDefiner {
    private BootstrapDefiner() {
    }

    static void define(String dottedName, byte[] classFile) {
        Unsafe.getUnsafe().defineClass(dottedName, classFile, 0, classFile.length, null, null);
    }
}
