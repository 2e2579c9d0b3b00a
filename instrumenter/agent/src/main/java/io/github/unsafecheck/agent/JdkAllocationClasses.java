package io.github.unsafecheck.agent;

import io.github.unsafecheck.runtime.jdk.JdkSites;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Set;

/**
 * The JDK classes whose allocation calls are rewritten ({@link JdkSites#ALLOCATING_CLASSES}, where the runtime keeps
 * what it knows of the JDK's own classes), so that direct ByteBuffers and arena segments are tracked like any other
 * native block (with a redzone, and a quarantine when their cleaner or arena frees them). Only allocation,
 * reallocation and free are rewritten there (see {@code RewriteTable.allocationsOnly}); the JDK's own writes are left
 * alone.
 */
final class JdkAllocationClasses {
    private static final Set<String> NAMES = JdkSites.ALLOCATING_CLASSES;

    private JdkAllocationClasses() {
    }

    static boolean contains(ClassLoader loader, String internalName) {
        return loader == null && NAMES.contains(internalName);
    }

    /**
     * Retransforms the ones already loaded; the transformer sees the others when they load. (A class first loaded
     * while a transformer runs never reaches any transformer — the spike's Deallocator pitfall with Byte Buddy —
     * but this transformer loads no class to do its work.)
     */
    static void retransformLoaded(Instrumentation inst) {
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getClassLoader() == null && NAMES.contains(c.getName().replace('.', '/'))) {
                try {
                    inst.retransformClasses(c);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
                    System.err.println("unsafecheck: cannot track the allocations of " + c.getName() + " (" + e
                            + "); that memory counts as unknown");
                }
            }
        }
    }
}
