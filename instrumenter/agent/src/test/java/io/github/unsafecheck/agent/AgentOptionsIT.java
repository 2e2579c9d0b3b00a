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
            {"report=/proc/unsafecheck/r.jsonl", "cannot write the file '/proc/unsafecheck/r.jsonl' (option 'report')"},
            {"coverage=/proc/unsafecheck/c.jsonl", "(option 'coverage')"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String[] c : cases) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + c[0], () -> assertStopped(jdk, c[0], List.of(), c[1])));
            }
            tests.add(DynamicTest.dynamicTest(jdk + " system property", () -> assertStopped(jdk, "",
                    List.of("-Dunsafecheck.mode=loud"), "bad value 'loud' for option 'mode' (system property "
                            + "unsafecheck.mode)")));
            tests.add(DynamicTest.dynamicTest(jdk + " unknown system property", () -> assertStopped(jdk, "",
                    List.of("-Dunsafecheck.verbos=true"), "unknown option 'verbos' (system property")));
        }
        return tests;
    }

    private void assertStopped(Jdk jdk, String options, List<String> jvmArgs, String message) {
        RunResult r = ForkedJvm.on(jdk).jvmArgs(jvmArgs.toArray(new String[0]))
                .agent(BuiltArtifacts.agentJar(), options).classpath(Programs.CLASSES)
                .main("example.pointer.CleanProgram").run();
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains(message), r::toString);
        assertTrue(r.stderr().startsWith("unsafecheck: "), r::toString);
        assertFalse(r.stdout().contains("clean done"), "main must not run\n" + r);
    }

    @Test
    void systemPropertiesFillWhatAgentArgumentsLeaveOut() {
        Path report = dir.resolve("from-property.jsonl");
        RunResult r = ForkedJvm.on(Jdks.current()).jvmArgs("-Dunsafecheck.report=" + report,
                "-Dunsafecheck.mode=report").agent(BuiltArtifacts.agentJar(), "mode=throw")
                .classpath(Programs.CLASSES).main("example.pointer.HeapPointerProgram", "putAddress").run();
        assertTrue(r.stdout().contains("caught"), "agent argument mode=throw wins over the property\n" + r);
        assertTrue(Files.exists(report), "the report path came from the system property\n" + r);
    }

    @TestFactory
    List<DynamicTest> javaDashJarPrintsTheOptions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk.toString(), () -> {
                RunResult r = ForkedJvm.on(jdk).jvmArgs("-jar", BuiltArtifacts.agentJar().toString()).run();
                assertEquals(0, r.exitCode(), r::toString);
                for (String key : new String[] {"mode", "report", "rules", "strict", "include", "exclude",
                    "allocators", "coverage", "verbose"}) {
                    assertTrue(r.stdout().contains("\n  " + key + " "), key + "\n" + r);
                }
                assertTrue(r.stdout().contains("throw|report|count"), r::toString);
                assertTrue(r.stdout().contains("default: throw"), r::toString);
            }));
        }
        return tests;
    }
}
