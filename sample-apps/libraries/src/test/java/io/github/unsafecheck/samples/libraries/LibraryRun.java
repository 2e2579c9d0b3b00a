package io.github.unsafecheck.samples.libraries;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.JsonLines;
import io.github.unsafecheck.testing.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One workload in a forked JVM under the built agent, with exactly one library's jars on its class path (the build
 * copies each library into its own directory and names it in a system property), and what it left behind: its
 * output, the violation report and the coverage report.
 */
final class LibraryRun {
    /** The strictest defaults: throw before the write, and unknown memory counts too. */
    static final String STRICT = "mode=throw,strict=true";

    final RunResult result;
    /** The violations reported. */
    final List<Map<String, Object>> records;
    /** The JVM's start and end records. */
    final List<Map<String, Object>> runRecords;
    final List<Map<String, Object>> coverage;

    private LibraryRun(RunResult result, List<Map<String, Object>> records, List<Map<String, Object>> runRecords,
            List<Map<String, Object>> coverage) {
        this.result = result;
        this.records = records;
        this.runRecords = runRecords;
        this.coverage = coverage;
    }

    /** The jars of a library directory named by {@code -Dlibraries.<name>}. */
    static List<Path> library(String name) {
        String dir = System.getProperty("libraries." + name);
        if (dir == null) {
            throw new IllegalStateException("-Dlibraries." + name + " is not set: run through Maven (mvn verify)");
        }
        try (Stream<Path> files = Files.list(Paths.get(dir))) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workloads' classes, then the library's jars. */
    static Path[] classpath(List<Path> library) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(Paths.get(System.getProperty("libraries.workloads", "target/classes")));
        classpath.addAll(library);
        return classpath.toArray(new Path[0]);
    }

    static LibraryRun run(Jdk jdk, Path dir, List<Path> library, String options, List<String> jvmArgs, String main,
            String... args) {
        Path report = dir.resolve("report-" + System.nanoTime() + ".jsonl");
        Path coverage = dir.resolve("coverage-" + System.nanoTime() + ".jsonl");
        RunResult r = ForkedJvm.on(jdk).jvmArgs(jvmArgs.toArray(new String[0]))
                .agent(BuiltArtifacts.agentJar(), "report=" + report + ",coverage=" + coverage + "," + options)
                .classpath(classpath(library)).main(main, args).timeout(Duration.ofMinutes(3)).run();
        return new LibraryRun(r, JsonLines.violations(report), JsonLines.runRecords(report), JsonLines.read(coverage));
    }

    String stdout() {
        return result.stdout();
    }

    /**
     * The workload finished, every section printed its {@code ok} line (it checked what it read back), and the checker
     * recorded nothing and could instrument every class it was offered.
     */
    void assertClean(String... sections) {
        assertEquals(0, result.exitCode(), this::toString);
        for (String s : sections) {
            assertTrue(stdout().contains("\nok " + s) || stdout().startsWith("ok " + s), "section " + s + "\n" + this);
        }
        assertTrue(stdout().endsWith("done\n"), this::toString);
        assertEquals(List.of(), records, this::toString);
        assertFalse(result.stderr().contains("unsafecheck: could not instrument"), this::toString);
        // Clean, and not because nothing ran under the checker: the exit line and the end record say what it checked.
        assertTrue(result.stderr().contains("unsafecheck: no violations ("), this::toString);
        assertFalse(result.stderr().contains("no checked call site ran"), this::toString);
        Map<String, Object> end = runRecords.stream().filter(r -> "end".equals(r.get("record"))).findFirst()
                .orElseThrow(() -> new AssertionError("no end record\n" + this));
        assertTrue(((Number) end.get("sitesChecked")).longValue() > 0, this::toString);
        assertEquals(0L, ((Number) end.get("violations")).longValue(), this::toString);
    }

    /** The class was rewritten: at least {@code min} call sites, every one of them towards {@code unsafeOwner}. */
    void assertRewritten(String className, int min, String unsafeOwner) {
        Map<String, Object> c = coverage.stream().filter(l -> className.equals(l.get("class"))).findFirst()
                .orElseThrow(() -> new AssertionError(className + " has no rewritten call sites\n" + coverage));
        assertTrue(((Long) c.get("rewritten")) >= min, c::toString);
        assertEquals(0L, c.get("skipped"), c::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) c.get("sites");
        assertTrue(sites.stream().allMatch(s -> ((String) s.get("target")).startsWith(unsafeOwner + ".")),
                c::toString);
    }

    /** The one bad write was stopped by an {@code UnsafeWriteError} and recorded once, under {@code rule}. */
    Map<String, Object> assertStopped(String rule) {
        assertEquals(0, result.exitCode(), this::toString);
        assertTrue(stdout().contains("caught UnsafeWriteError: unsafecheck: "), this::toString);
        assertTrue(stdout().contains("[" + rule + "]"), this::toString);
        assertFalse(stdout().contains("the bad write went through"), this::toString);
        assertEquals(1, records.size(), this::toString);
        Map<String, Object> r = records.get(0);
        assertEquals(rule, r.get("rule"), this::toString);
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> allocation(Map<String, Object> record) {
        return (Map<String, Object>) record.get("allocation");
    }

    @SuppressWarnings("unchecked")
    static List<String> stack(Map<String, Object> record) {
        return (List<String>) record.get("stack");
    }

    @Override
    public String toString() {
        return result + "--- report ---\n" + records + "\n" + runRecords;
    }
}
