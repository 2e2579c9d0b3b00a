package io.github.unsafecheck.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Set;

/**
 * The JDK classes whose allocation calls are rewritten, so that direct ByteBuffers are tracked like any other
 * native block (with a redzone, and a quarantine when their cleaner frees them): {@code DirectByteBuffer}'s
 * constructor allocates, its {@code Deallocator} frees. Only allocation, reallocation and free are rewritten there
 * (see {@code RewriteTable.allocationsOnly}); the JDK's own writes are left alone. Slices and duplicates are views:
 * they allocate nothing.
 */
final class JdkAllocationClasses {
    static final Set<String> NAMES = Set.of("java/nio/DirectByteBuffer", "java/nio/DirectByteBuffer$Deallocator");

    private JdkAllocationClasses() {
    }

    static boolean contains(ClassLoader loader, String internalName) {
        return loader == null && NAMES.contains(internalName);
    }

    /**
     * Retransforms the classes that are loaded already. {@code Deallocator} is loaded first on purpose: a class
     * first loaded while a transformer runs never reaches any transformer, and DirectByteBuffer's transformation
     * would otherwise be what loads it.
     */
    static void retransformLoaded(Instrumentation inst) {
        for (String name : NAMES) {
            try {
                Class<?> c = Class.forName(name.replace('/', '.'), false, null);
                inst.retransformClasses(c);
            } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
                System.err.println("unsafecheck: cannot track direct ByteBuffers (" + name + ": " + e
                        + "); their memory counts as unknown");
            }
        }
    }
}
