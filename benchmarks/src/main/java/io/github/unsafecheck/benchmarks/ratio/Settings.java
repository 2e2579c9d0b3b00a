package io.github.unsafecheck.benchmarks.ratio;

/**
 * JMH iteration settings of one case in one profile. {@code rounds} is the number of forks per variant: each round
 * runs one fork without and one with the agent, back to back, in alternating order (ABBA), so that a change in the
 * machine's load during the run falls on both sides.
 */
record Settings(int warmupIterations, int warmupSeconds, int measurementIterations, int measurementSeconds,
        int rounds) {

    /** Time-based iterations (throughput / average time). */
    static Settings timed(int warmups, int warmupSeconds, int measurements, int measurementSeconds, int rounds) {
        return new Settings(warmups, warmupSeconds, measurements, measurementSeconds, rounds);
    }

    /** Single-shot iterations: each is one invocation of the benchmark method. */
    static Settings shots(int warmups, int measurements, int rounds) {
        return new Settings(warmups, 0, measurements, 0, rounds);
    }
}
