package io.github.unsafecheck.samples.libraries;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JNA 5 under the agent, on the build JDK and JDK 17, in strict throw mode with every rule, one JVM each: JNA's
 * memory ({@code Native.malloc}, {@code Memory}, which its native {@code malloc}/{@code free} allocate and free) is
 * tracked, and its writes — JNI calls, checked by the hooks in {@code Pointer} — are judged. Correct heavy use is
 * silent; then each planted bug is stopped with its rule, and no double free reaches glibc.
 */
class JnaIT {
    private static final String WORKLOAD = "io.github.unsafecheck.samples.libraries.jna.JnaWorkload";
    private static final String BUGS = "io.github.unsafecheck.samples.libraries.jna.JnaBugs";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> correctUseIsSilentAndPlantedBugsAreStopped() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk.toString(), () -> {
                LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library("jna"), LibraryRun.STRICT + ",rules=all",
                        List.of("-Djna.tmpdir=" + dir.resolve("jna")), WORKLOAD, "bugs");
                assertEquals(0, run.result.exitCode(), "glibc never saw a double free\n" + run);
                for (String s : new String[] {"memory", "native-malloc", "structures", "threads"}) {
                    assertTrue(run.stdout().contains("ok " + s + " "), s + "\n" + run);
                }
                assertTrue(run.stdout().contains("bugs planted\ndone\n"), run::toString);
                assertFalse(run.stdout().contains("the bad write went through"), run::toString);
                List<String> expected = List.of("overflow", "use-after-free", "double-free", "use-after-free",
                        "double-free");
                List<String> caught = run.stdout().lines().filter(l -> l.startsWith("caught UnsafeWriteError: "))
                        .map(l -> l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).collect(Collectors.toList());
                assertEquals(expected, caught, run::toString);
                // The report keeps the first record per rule and site for now: both double frees are made inside
                // Native.free, so the second is counted in the first's record (see the README's report section).
                List<String> rules = run.records.stream().map(r -> (String) r.get("rule")).collect(Collectors.toList());
                assertEquals(expected.subList(0, 4), rules.subList(0, 4),
                        "the correct sections before the bugs recorded nothing\n" + run);
                assertTrue(rules.size() == 4 || rules.size() == 5 && rules.get(4).equals("double-free"), run::toString);
                List<String> src = source();
                int found = 0;
                for (int i = 0; i < src.size(); i++) {
                    if (src.get(i).contains("// bug: ")) {
                        String line = "(JnaBugs.java:" + (i + 1) + ")";
                        if (found < run.records.size()) {
                            Map<String, Object> r = run.records.get(found);
                            assertTrue(LibraryRun.stack(r).stream().anyMatch(f -> f.endsWith(line)), line + "\n" + r);
                        }
                        found++;
                    }
                }
                assertEquals(5, found);
                Map<String, Object> overflow = run.records.get(0);
                assertEquals("Pointer.setLong", overflow.get("op"));
                assertEquals("Native.malloc block", LibraryRun.allocation(overflow).get("kind"));
                assertEquals(64L, LibraryRun.allocation(overflow).get("size"));
                assertTrue(((String) LibraryRun.allocation(overflow).get("allocatedAt")).startsWith(BUGS + ".run("),
                        "the allocation site is the program's line\n" + overflow);
                assertEquals("Native.free", run.records.get(2).get("op"));
                assertTrue(((List<?>) LibraryRun.allocation(run.records.get(3)).get("allocationStack")).stream()
                        .anyMatch(f -> ((String) f).startsWith("com.sun.jna.Memory.<init>(")), run::toString);
                assertTrue(run.stdout().contains("[double-free]\nbugs planted"), "Memory.close after the program's own "
                        + "free was stopped\n" + run);
            }));
        }
        return tests;
    }

    private static List<String> source() {
        try {
            return Files.readAllLines(Paths.get(System.getProperty("libraries.sources", "src/main/java"))
                    .resolve(BUGS.replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
