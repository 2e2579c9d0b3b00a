package io.github.unsafecheck.benchmarks.ratio;

import io.github.unsafecheck.benchmarks.startup.ChildAgent;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs every case with and without the agent in one invocation and prints the ratio table.
 *
 * <p>Why a runner of its own rather than {@code java -jar benchmarks.jar}: the agent is a JVM option, and JMH's
 * {@code @Param} cannot change a fork's JVM options; two copies of each benchmark with different {@code @Fork} would
 * run all of one variant, then all of the other, so a change in the machine's load (2 shared cores here) would fall
 * on one side only. Here each round runs one fork without and one with the agent back to back, in alternating order
 * (ABBA), through JMH's own {@link Runner}, and the ratio comes from those results only. {@code benchmarks.jar}
 * stays a plain JMH jar for profiling one benchmark by hand.
 */
public final class RatioRunner {
    private RatioRunner() {
    }

    public static void main(String[] args) throws IOException {
        RunnerOptions opts;
        try {
            opts = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(opts.out);
        String header = RunHeader.describe(opts);
        System.out.println(header);
        List<Outcome> outcomes = new ArrayList<>();
        int feature = opts.jdkFeature();
        for (Case c : Cases.all()) {
            if (!opts.selects(c)) {
                continue;
            }
            if (feature != 0 && feature < c.minimumJdk()) {
                System.out.println("== " + c.name() + ": skipped, needs JDK " + c.minimumJdk() + "+");
                continue;
            }
            outcomes.add(run(c, opts));
        }
        String memory = FootprintRows.run(opts);
        String table = RatioTable.render(outcomes) + (memory.isEmpty() ? "" : "\n" + memory);
        String footer = "load average at end: " + RunHeader.loadAverage();
        System.out.println();
        System.out.print(table);
        System.out.println(footer);
        Files.writeString(opts.out.resolve("table.md"), header + "\n\n" + table + "\n" + footer + "\n",
                StandardCharsets.UTF_8);
        Samples.write(opts.out.resolve("samples.csv"), outcomes);
        System.out.println("logs, coverage reports and samples: " + opts.out);
        boolean failed = outcomes.stream().anyMatch(o -> !o.complete()) || memory.contains("| ERROR");
        System.exit(failed ? 1 : 0);
    }

    private static Outcome run(Case c, RunnerOptions opts) {
        Outcome o = new Outcome(c);
        Settings s = c.settings(opts.full);
        System.out.println("== " + c.name() + " (" + c.benchmark() + ", " + s.rounds() + " rounds)");
        try {
            for (int round = 0; round < s.rounds(); round++) {
                // ABBA: even rounds run without first, odd rounds with first.
                boolean withFirst = round % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    boolean withAgent = withFirst == (k == 0);
                    double[] scores = fork(c, s, opts, round, withAgent, o);
                    (withAgent ? o.with : o.without).add(scores);
                    System.out.printf("   round %d %-13s %s %s%n", round + 1,
                            withAgent ? "with agent" : "without agent", Arrays.toString(scores), o.unit);
                }
            }
        } catch (RunnerException | IOException | RuntimeException e) {
            o.error = e.getMessage() == null ? e.toString() : e.getMessage();
            System.out.println("   ERROR: " + o.error);
        }
        return o;
    }

    /** One JMH fork of one variant; returns the measured iterations' scores. */
    private static double[] fork(Case c, Settings s, RunnerOptions opts, int round, boolean withAgent, Outcome o)
            throws RunnerException, IOException {
        String tag = c.benchmark().substring(c.benchmark().lastIndexOf('.', c.benchmark().lastIndexOf('.') - 1) + 1)
                + "-" + c.placement().name().toLowerCase(java.util.Locale.ROOT)
                + (c.agentOptions().isEmpty() ? "" : "-" + c.agentOptions().replaceAll("[^A-Za-z0-9]", "_"))
                + "-r" + (round + 1)
                + (withAgent ? "-with" : "-without");
        Path coverage = opts.out.resolve("coverage-" + tag + ".jsonl");
        Files.deleteIfExists(coverage);
        List<String> jvmArgs = new ArrayList<>();
        if (c.sunMiscUnsafe() && opts.jdkFeature() >= 23) {
            jvmArgs.add("--sun-misc-unsafe-memory-access=allow"); // both sides: the library's own code path
        }
        if (withAgent && c.placement() == Placement.FORK) {
            jvmArgs.add("-javaagent:" + opts.agent + "=coverage=" + coverage
                    + (c.agentOptions().isEmpty() ? "" : "," + c.agentOptions()));
        } else if (withAgent && c.placement() == Placement.FORK_EMPTY_AGENT) {
            jvmArgs.add("-javaagent:" + opts.benchmarksJar);
        } else if (withAgent) {
            Path childAgent = c.placement() == Placement.CHILD ? opts.agent : opts.benchmarksJar;
            jvmArgs.add("-D" + ChildAgent.PROPERTY + "=" + childAgent);
        }
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include("^" + Pattern.quote(c.benchmark()) + "$")
                .forks(1)
                .threads(1)
                .warmupIterations(s.warmupIterations())
                .measurementIterations(s.measurementIterations())
                .jvm(opts.jdk.resolve("bin/java").toString())
                // Set, even when empty: otherwise JMH hands the runner's own JVM options to the forks.
                .jvmArgs(opts.jvmArgs.toArray(new String[0]))
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(opts.out.resolve("jmh-" + tag + ".log").toString());
        if (s.warmupSeconds() > 0) {
            b.warmupTime(TimeValue.seconds(s.warmupSeconds()));
        }
        if (s.measurementSeconds() > 0) {
            b.measurementTime(TimeValue.seconds(s.measurementSeconds()));
        }
        for (String p : opts.profilers) {
            b.addProfiler(p);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result for " + c.benchmark() + ", got " + results.size()
                    + " (see " + opts.out.resolve("jmh-" + tag + ".log") + ")");
        }
        RunResult r = results.iterator().next();
        o.unit = r.getPrimaryResult().getScoreUnit();
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult br : r.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                scores.add(ir.getPrimaryResult().getScore());
            }
        }
        if (withAgent && c.placement() == Placement.FORK) {
            o.coverage = CoverageCheck.verify(coverage, c);
            System.out.println("   coverage: " + o.coverage);
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
