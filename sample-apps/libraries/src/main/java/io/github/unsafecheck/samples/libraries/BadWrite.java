package io.github.unsafecheck.samples.libraries;

/**
 * Runs one planted bad write and says what became of it: {@code caught UnsafeWriteError: <first line>} when the
 * checker stopped it (throw mode), or {@code the bad write went through}. The tests read these lines.
 */
public final class BadWrite {
    private BadWrite() {
    }

    public static void attempt(Runnable badWrite) {
        try {
            badWrite.run();
            System.out.println("the bad write went through");
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }
}
