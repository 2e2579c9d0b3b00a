package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A write into memory the checker never saw allocated. Here a "native library" allocates the block: a class the
 * agent is told to leave alone ({@code exclude=}), standing in for JNI code calling malloc. Such a write may be
 * right or wrong, and the checker cannot tell: by default it says nothing; with {@code strict=true} it reports
 * every one: rule {@code wild-write}. A strict run is a way to find memory the checker does not know about.
 */
// options: strict=true,exclude=io.github.unsafecheck.samples.memory.WildWrite$NativeLibrary
public final class WildWrite {
    /** Not rewritten (excluded): its allocations are invisible to the checker, like those of JNI code. */
    static final class NativeLibrary {
        static long newContext() {
            return U.allocateMemory(64);
        }

        static void freeContext(long context) {
            U.freeMemory(context);
        }
    }

    public static void main(String[] args) {
        long context = NativeLibrary.newContext();
        U.putLong(context + 8, 42); // expect: wild-write
        System.out.printf("configured the library's context at 0x%x%n", context);
        NativeLibrary.freeContext(context);
    }
}
