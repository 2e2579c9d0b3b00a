package io.github.unsafecheck.benchmarks.ratio;

/**
 * One row of the ratio table: a JMH benchmark method, where the agent goes in the "with" run, the goal, the settings
 * per profile, and what the agent's coverage report must show for the figure to count.
 *
 * @param name           the row's label
 * @param benchmark      the benchmark method, {@code fully.qualified.Class.method}
 * @param rewrittenClass with {@link Placement#FORK}: the class whose call sites must be rewritten, or null; the
 *                       benchmark's own class (then in the measured method), or a library's (then in any method)
 * @param minimumOffered with {@link Placement#FORK}: the classes the transformer must at least have been offered
 * @param agentOptions   with {@link Placement#FORK}: agent options beyond the defaults ({@code key=value,…}), or ""
 * @param minimumJdk     the oldest JDK (feature version) the benchmark runs on: 22 for {@code MemorySegment}
 * @param sunMiscUnsafe  both sides run with {@code --sun-misc-unsafe-memory-access=allow} on JDK 23+: a library (Netty
 *                       4.2) that leaves {@code sun.misc.Unsafe} alone without it would give the checker nothing to do
 */
record Case(String name, String benchmark, Placement placement, Goal goal, Settings quick, Settings full,
        String rewrittenClass, long minimumOffered, String agentOptions, int minimumJdk, boolean sunMiscUnsafe) {

    Case(String name, String benchmark, Placement placement, Goal goal, Settings quick, Settings full,
            String rewrittenClass, long minimumOffered, String agentOptions, int minimumJdk) {
        this(name, benchmark, placement, goal, quick, full, rewrittenClass, minimumOffered, agentOptions, minimumJdk,
                false);
    }

    Settings settings(boolean fullProfile) {
        return fullProfile ? full : quick;
    }

    /** The benchmark's class (the part of {@link #benchmark} before the method name). */
    String benchmarkClass() {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }
}
