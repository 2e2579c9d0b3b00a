package io.github.unsafecheck.benchmarks.ratio;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ratio runner's command line. */
final class RunnerOptions {
    static final String USAGE = String.join("\n",
            "usage: RatioRunner [--full] [--agent JAR] [--jdk HOME] [--only REGEX] [--out DIR]",
            "                   [--prof PROFILER]... [--jvm-arg ARG]...",
            "  --full          the full profile (default: quick, under 5 minutes on 2 cores)",
            "  --agent JAR     unsafecheck-agent.jar (default: instrumenter/agent/target beside benchmarks/)",
            "  --jdk HOME      the JDK the forks run on (default: the runner's own)",
            "  --only REGEX    only the cases whose name or benchmark matches (find)",
            "  --out DIR       where the JMH logs, coverage reports, table.md and samples.csv go",
            "  --prof P        a JMH profiler for both variants (gc, stack, perfasm …)",
            "  --jvm-arg ARG   a JVM option for both variants' forks (e.g. -XX:+PrintCompilation)");

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)");

    boolean full;
    Path agent;
    /** benchmarks.jar itself: the empty reference agent. */
    Path benchmarksJar;
    Path jdk = Paths.get(System.getProperty("java.home"));
    Pattern only;
    Path out;
    final List<String> profilers = new ArrayList<>();
    final List<String> jvmArgs = new ArrayList<>();

    static RunnerOptions parse(String[] args) {
        RunnerOptions o = new RunnerOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--full" -> o.full = true;
                case "--quick" -> o.full = false;
                case "--agent" -> o.agent = Paths.get(value(args, ++i, a));
                case "--jdk" -> o.jdk = Paths.get(value(args, ++i, a));
                case "--only" -> o.only = Pattern.compile(value(args, ++i, a));
                case "--out" -> o.out = Paths.get(value(args, ++i, a));
                case "--prof" -> o.profilers.add(value(args, ++i, a));
                case "--jvm-arg" -> o.jvmArgs.add(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument " + a + "\n" + USAGE);
            }
        }
        o.benchmarksJar = benchmarksJar();
        Path target = o.benchmarksJar.getParent();
        if (o.agent == null) {
            o.agent = target.resolve("../../instrumenter/agent/target/unsafecheck-agent.jar").normalize();
        }
        if (!Files.isRegularFile(o.agent)) {
            throw new IllegalArgumentException("no agent jar at " + o.agent + " (build it, or pass --agent)");
        }
        if (!Files.isExecutable(o.jdk.resolve("bin/java"))) {
            throw new IllegalArgumentException("no bin/java in " + o.jdk);
        }
        if (o.out == null) {
            o.out = target.resolve("ratio-results")
                    .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        o.agent = o.agent.toAbsolutePath();
        o.out = o.out.toAbsolutePath();
        return o;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** benchmarks/target/benchmarks.jar, where this class comes from. */
    private static Path benchmarksJar() {
        try {
            return Paths.get(RunnerOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean selects(Case c) {
        return selects(c.name()) || only.matcher(c.benchmark()).find();
    }

    boolean selects(String rowName) {
        return only == null || only.matcher(rowName).find();
    }

    /** The forks' JDK feature version (17, 25 …), from its release file; 0 when unknown. */
    int jdkFeature() {
        try {
            for (String l : Files.readAllLines(jdk.resolve("release"))) {
                Matcher m = JAVA_VERSION.matcher(l);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            // an unusual JDK layout: run every case and let JMH say what fails
        }
        return 0;
    }
}
