package example.memory;

import static example.support.Unsafes.U;

/**
 * Stands in for memory the checker cannot see (JNI malloc, code it does not rewrite): the tests exclude this class,
 * so its allocateMemory call is not rewritten.
 */
public final class Untracked {
    private Untracked() {
    }

    static long malloc(long bytes) {
        return U.allocateMemory(bytes);
    }
}
