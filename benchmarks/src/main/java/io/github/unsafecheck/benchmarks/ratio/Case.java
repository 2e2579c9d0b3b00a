package io.github.unsafecheck.benchmarks.ratio;

/**
 * One row of the ratio table: a JMH benchmark method, where the agent goes in the "with" run, the goal, the settings
 * per profile, and what the agent's coverage report must show for the figure to count.
 *
 * @param name           the row's label
 * @param benchmark      the benchmark method, {@code fully.qualified.Class.method}
 * @param rewrittenClass with {@link Placement#FORK}: the class whose call sites must be rewritten, or null
 * @param minimumOffered with {@link Placement#FORK}: the classes the transformer must at least have been offered
 * @param agentOptions   with {@link Placement#FORK}: agent options beyond the defaults ({@code key=value,…}), or ""
 * @param minimumJdk     the oldest JDK (feature version) the benchmark runs on: 22 for {@code MemorySegment}
 */
record Case(String name, String benchmark, Placement placement, Goal goal, Settings quick, Settings full,
        String rewrittenClass, long minimumOffered, String agentOptions, int minimumJdk) {

    Settings settings(boolean fullProfile) {
        return fullProfile ? full : quick;
    }

    /** The benchmark's class (the part of {@link #benchmark} before the method name). */
    String benchmarkClass() {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }
}
