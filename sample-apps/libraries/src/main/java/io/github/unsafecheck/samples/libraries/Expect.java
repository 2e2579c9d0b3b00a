package io.github.unsafecheck.samples.libraries;

/**
 * The workloads' own checks on the data they read back: a rewrite that lost or mangled a write fails the run here,
 * whatever the checker reported. No JUnit: the workloads run in a forked JVM with only the library on the class path.
 */
public final class Expect {
    private long checks;

    public void equal(long expected, long actual, String what) {
        checks++;
        if (expected != actual) {
            throw new AssertionError(what + ": expected " + expected + " but read back " + actual);
        }
    }

    public void equal(Object expected, Object actual, String what) {
        checks++;
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but read back " + actual);
        }
    }

    public void isTrue(boolean condition, String what) {
        checks++;
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** Prints {@code ok <section> <n> checks}, the line the tests look for. */
    public void done(String section) {
        if (checks == 0) {
            throw new AssertionError(section + ": nothing was checked");
        }
        System.out.println("ok " + section + " " + checks + " checks");
        checks = 0;
    }

    /**
     * A value for position {@code i} that differs from its neighbours' in every byte (a lost write shows). The top bit
     * is always set: a 64-bit number that happens to lie in the Java heap's address range is taken for a heap pointer
     * by the pointer rule (see README-changes.md), and where the heap lies depends on the machine's memory.
     */
    public static long pattern(long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29) ^ 0x5DEECE66DL | Long.MIN_VALUE;
    }
}
