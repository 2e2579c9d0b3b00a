package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.JsonLines;
import io.github.unsafecheck.testing.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the test programs ({@code example.*}) under the built agent and reads what they reported. */
final class Programs {
    static final Path CLASSES = Paths.get(System.getProperty("unsafecheck.test.classes", "target/test-classes"));
    static final Path SOURCES = Paths.get(System.getProperty("unsafecheck.test.sources", "src/test"));

    private Programs() {
    }

    /** A run of one program under the agent, writing its report to a fresh file. */
    static final class Run {
        final RunResult result;
        /** The violations reported. */
        final List<Map<String, Object>> records;
        /** The JVM's start and end records. */
        final List<Map<String, Object>> runRecords;

        Run(RunResult result, List<Map<String, Object>> records, List<Map<String, Object>> runRecords) {
            this.result = result;
            this.records = records;
            this.runRecords = runRecords;
        }

        String stdout() {
            return result.stdout();
        }

        String stderr() {
            return result.stderr();
        }

        @Override
        public String toString() {
            return result + "--- report ---\n" + records + "\n" + runRecords;
        }
    }

    static Run run(Jdk jdk, Path dir, String options, List<String> jvmArgs, String main, String... args) {
        Path report = dir.resolve("report-" + System.nanoTime() + ".jsonl");
        String opts = "report=" + report + (options.isEmpty() ? "" : "," + options);
        RunResult r = ForkedJvm.on(jdk).jvmArgs(jvmArgs.toArray(new String[0]))
                .agent(BuiltArtifacts.agentJar(), opts).classpath(CLASSES).main(main, args).run();
        return new Run(r, JsonLines.violations(report), JsonLines.runRecords(report));
    }

    static Run run(Jdk jdk, Path dir, String options, String main, String... args) {
        return run(jdk, dir, options, List.of(), main, args);
    }

    /**
     * The line of the {@code // expect: <rule>} mark that follows {@code anchor} in a program's source, as
     * {@code Class.method(File.java:line)} is formed from it by the caller.
     */
    static int markedLine(String className, String anchor) {
        Path source = sourceOf(className);
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(anchor) && lines.get(i).contains("// expect:")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line with '" + anchor + "' and an expect mark in " + source);
    }

    /** The first line of a program's source containing {@code text}. */
    static int lineOf(String className, String text) {
        try {
            List<String> lines = Files.readAllLines(sourceOf(className), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no line with '" + text + "' in " + className);
    }

    /** All {@code // expect: <rule>} lines of a program. */
    static List<Integer> allMarkedLines(String className) {
        List<Integer> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(sourceOf(className), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("// expect:")) {
                    out.add(i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Path sourceOf(String className) {
        String rel = className.replace('.', '/') + ".java";
        for (String root : new String[] {"java", "java22", "java-internal"}) {
            Path p = SOURCES.resolve(root).resolve(rel);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("no source for " + className + " under " + SOURCES);
    }
}
