package io.github.unsafecheck.runtime.jdk;

import java.util.Set;

/**
 * What the checker knows of the JDK's own classes, in one place: which of them allocate native memory that must be
 * tracked (their allocation and free call sites are rewritten, never their writes), what a program called when one
 * of them allocates or frees, and which stack frames are the JDK's rather than the program's.
 *
 * <p>{@code DirectByteBuffer}'s constructor allocates and its {@code Deallocator} frees; on JDK 25 FFM's
 * {@code SegmentFactories} allocates every arena segment and its cleanup action frees it (JDK 22–24: the same code in
 * {@code NativeMemorySegmentImpl}). Slices and duplicates are views: they allocate nothing. A class a JDK does not
 * have is simply never seen.
 */
public final class JdkSites {
    /** Internal names of the JDK classes whose allocation, reallocation and free call sites are rewritten. */
    public static final Set<String> ALLOCATING_CLASSES = Set.of("java/nio/DirectByteBuffer",
            "java/nio/DirectByteBuffer$Deallocator", "jdk/internal/foreign/SegmentFactories",
            "jdk/internal/foreign/SegmentFactories$1", "jdk/internal/foreign/NativeMemorySegmentImpl",
            "jdk/internal/foreign/NativeMemorySegmentImpl$1");

    private static final String DIRECT_BUFFER = "java.nio.DirectByteBuffer";
    private static final String FOREIGN = "jdk.internal.foreign.";

    private JdkSites() {
    }

    /** A class of the JDK itself (by binary name): its frames and sites say nothing to the program's author. */
    public static boolean isJdkClass(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("javax.");
    }

    /** A call site ({@code Class.method(File.java:line)}) inside a direct buffer's allocation or cleaner. */
    public static boolean isDirectBufferSite(String site) {
        return site.startsWith(DIRECT_BUFFER);
    }

    /** A call site inside FFM's arena implementation. */
    public static boolean isArenaSite(String site) {
        return site.startsWith(FOREIGN);
    }

    /**
     * What the program called, for an allocation or free made inside the JDK: the JDK's {@code Unsafe} call is an
     * implementation detail of {@code ByteBuffer.allocateDirect} or of an arena.
     */
    public static String userOp(String op, String site, boolean allocation) {
        if (isDirectBufferSite(site)) {
            return allocation ? "ByteBuffer.allocateDirect" : "DirectByteBuffer cleaner";
        }
        if (isArenaSite(site)) {
            return allocation ? "Arena.allocate" : "Arena.close";
        }
        return op;
    }
}
