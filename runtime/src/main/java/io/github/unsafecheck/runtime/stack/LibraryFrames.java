package io.github.unsafecheck.runtime.stack;

/**
 * Whose frames a report skips to find the program's line, when memory is allocated or freed inside a library's own
 * hooked method: all of LWJGL ({@code memAlloc} → {@code nmemAllocChecked} → {@code nmemAlloc}; a struct's
 * {@code calloc(stack)}), all of JNA ({@code new Memory(n)} → {@code Memory.malloc} → {@code Native.malloc}), and for
 * a function declared with {@code track=} its own class.
 */
public final class LibraryFrames {
    private static final String[] LWJGL = {"org.lwjgl."};
    private static final String[] JNA = {"com.sun.jna."};

    private LibraryFrames() {
    }

    /** The class-name prefixes to skip for a hooked method of {@code className}. */
    public static String[] of(String className) {
        if (className.startsWith(LWJGL[0])) {
            return LWJGL;
        }
        if (className.startsWith(JNA[0])) {
            return JNA;
        }
        return new String[] {className};
    }

    /** LWJGL's frames: {@code MemoryStack}'s allocations. */
    public static String[] lwjgl() {
        return LWJGL;
    }
}
