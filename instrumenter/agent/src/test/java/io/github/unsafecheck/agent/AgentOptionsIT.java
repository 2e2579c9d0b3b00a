package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strict options: a bad one stops the JVM before main with a message that names it. */
class AgentOptionsIT {
    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> badOptionsStopTheJvmBeforeMain() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        readOnly.toFile().setWritable(false);
        String[][] cases = {
            {"mdoe=throw", "unknown option 'mdoe'"},
            {"mode=trow", "bad value 'trow' for option 'mode'"},
            {"mode", "agent option 'mode' has no value"},
            {"mode=throw,mode=report", "option 'mode' is given twice"},
            {"mode=throw,,strict=true", "empty entry in agent options"},
            {"strict=yes", "bad value 'yes' for option 'strict'"},
            {"rules=heap-pointer:overflw", "unknown rule 'overflw'"},
            {"include=com/example/*", "'com/example/*' is not a class-name glob"},
            {"allocators=com.example.Pool", "'com.example.Pool' is not a method"},
            {"track=com.example.Pool#take", "'com.example.Pool#take': write pkg.Class#method[(descriptor)]="},
        };
        // A file that cannot be written: said in words, and no hint at the options (the value is well-formed).
        String[][] files = {
            {"report=/proc/unsafecheck/r.jsonl", "unsafecheck: cannot write the file '/proc/unsafecheck/r.jsonl'"
                    + " (option 'report'): /proc/unsafecheck: no such file or directory"},
            {"coverage=/proc/unsafecheck/c.jsonl", "(option 'coverage'): /proc/unsafecheck: no such file or directory"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String[] c : cases) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + c[0], () -> assertStopped(jdk, c[0], List.of(), c[1])));
            }
            for (String[] c : files) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + c[0], () -> {
                    RunResult r = assertStopped(jdk, c[0], List.of(), c[1], "unsafecheck: the JVM stops here\n");
                    assertFalse(r.stderr().contains("Exception"), r::toString);
                }));
            }
            tests.add(DynamicTest.dynamicTest(jdk + " system property", () -> assertStopped(jdk, "",
                    List.of("-Dunsafecheck.mode=loud"), "bad value 'loud' for option 'mode' (system property "
                            + "unsafecheck.mode)")));
            tests.add(DynamicTest.dynamicTest(jdk + " unknown system property", () -> assertStopped(jdk, "",
                    List.of("-Dunsafecheck.verbos=true"), "unknown option 'verbos' (system property")));
        }
        return tests;
    }

    /** A bad option: its message, then where the options are listed: the agent jar's real path, ready to paste. */
    private void assertStopped(Jdk jdk, String options, List<String> jvmArgs, String message) {
        assertStopped(jdk, options, jvmArgs, message, "unsafecheck: the JVM stops here; run java -jar "
                + BuiltArtifacts.agentJar().toAbsolutePath() + " for the options\n");
    }

    private RunResult assertStopped(Jdk jdk, String options, List<String> jvmArgs, String message, String last) {
        RunResult r = ForkedJvm.on(jdk).jvmArgs(jvmArgs.toArray(new String[0]))
                .agent(BuiltArtifacts.agentJar(), options).classpath(Programs.CLASSES)
                .main("example.pointer.CleanProgram").run();
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains(message), r::toString);
        assertTrue(r.stderr().startsWith("unsafecheck: "), r::toString);
        assertTrue(r.stderr().endsWith(last), r::toString);
        assertFalse(r.stdout().contains("clean done"), "main must not run\n" + r);
        return r;
    }

    @Test
    void systemPropertiesFillWhatAgentArgumentsLeaveOut() {
        Path report = dir.resolve("from-property.jsonl");
        RunResult r = ForkedJvm.on(Jdks.current()).jvmArgs("-Dunsafecheck.report=" + report,
                "-Dunsafecheck.mode=report", "-Dunsafecheck.verbose=true")
                .agent(BuiltArtifacts.agentJar(), "mode=throw")
                .classpath(Programs.CLASSES).main("example.pointer.HeapPointerProgram", "putAddress").run();
        assertTrue(r.stdout().contains("caught"), "agent argument mode=throw wins over the property\n" + r);
        assertTrue(Files.exists(report), "the report path came from the system property\n" + r);
        // verbose names the rules in force, not the empty option that means "the default ones"
        assertTrue(r.stderr().contains("unsafecheck: active (agent): {mode=throw, report=" + report
                + ", rules=heap-pointer:heap-reference:overflow:use-after-free:use-after-poison:double-free:invalid-free:wild-write,"),
                r::toString);
    }

    @TestFactory
    List<DynamicTest> javaDashJarPrintsTheOptions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk.toString(), () -> {
                RunResult r = ForkedJvm.on(jdk).jvmArgs("-jar", BuiltArtifacts.agentJar().toString()).run();
                assertEquals(0, r.exitCode(), r::toString);
                for (String key : new String[] {"mode", "report", "rules", "strict", "include", "exclude",
                    "allocators", "track", "coverage", "verbose"}) {
                    assertTrue(r.stdout().contains("\n  " + key + " "), key + "\n" + r);
                }
                assertTrue(r.stdout().contains("throw|report|count"), r::toString);
                assertTrue(r.stdout().contains("default: throw"), r::toString);
                assertTrue(r.stdout().startsWith("unsafecheck agent options: -javaagent:"
                        + BuiltArtifacts.agentJar().toAbsolutePath() + "=key=value"), r::toString);
                assertTrue(r.stdout().contains("default: heap-pointer:heap-reference:overflow:use-after-free:"
                        + "use-after-poison:double-free:invalid-free:wild-write\n"), r::toString);
                assertTrue(r.stdout().contains("dangling-pointer (off by default; short form: dangling)"),
                        r::toString);
            }));
        }
        return tests;
    }
}
