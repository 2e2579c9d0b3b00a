package io.github.unsafecheck.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Set;

/**
 * The JDK classes whose allocation calls are rewritten, so that direct ByteBuffers and arena segments are tracked
 * like any other native block (with a redzone, and a quarantine when their cleaner or arena frees them):
 * {@code DirectByteBuffer}'s constructor allocates and its {@code Deallocator} frees; on JDK 25 FFM's
 * {@code SegmentFactories} allocates every arena segment and its cleanup action frees it (JDK 22–24: the same code
 * in {@code NativeMemorySegmentImpl}). Only allocation, reallocation and free are rewritten there (see
 * {@code RewriteTable.allocationsOnly}); the JDK's own writes are left alone. Slices and duplicates are views: they
 * allocate nothing. Classes a JDK does not have are simply never seen.
 */
final class JdkAllocationClasses {
    static final Set<String> NAMES = Set.of("java/nio/DirectByteBuffer", "java/nio/DirectByteBuffer$Deallocator",
            "jdk/internal/foreign/SegmentFactories", "jdk/internal/foreign/SegmentFactories$1",
            "jdk/internal/foreign/NativeMemorySegmentImpl", "jdk/internal/foreign/NativeMemorySegmentImpl$1");

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
