package io.github.unsafecheck.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading reports and summing them up the way check prints them. */
class ReportTest {
    @TempDir
    Path tmp;

    private static String record(String rule, String site) {
        return "{\"rule\":\"" + rule + "\",\"op\":\"Unsafe.putLong\",\"dst\":\"0x10\",\"value\":\"0x20\",\"size\":8,"
                + "\"dstKind\":\"unknown\",\"allocation\":null,\"thread\":\"main\",\"site\":\"" + site + "\","
                + "\"stack\":[\"" + site + "\"],\"skipped\":false}";
    }

    @Test
    void groupsByRuleThenSiteAndCountsRepeatsFromOtherJvms() throws IOException {
        Path report = tmp.resolve("r.jsonl");
        Files.write(report, List.of(record("heap-pointer", "a.B.c(B.java:3)"), "",
                record("heap-pointer", "a.B.c(B.java:3)"), record("heap-reference", "a.D.e(D.java:9)")));
        ViolationSummary s = new ViolationSummary(ReportFile.read(report).violations);
        assertEquals(3, s.total());
        assertEquals(List.of("heap-pointer: 2 violations at 1 site",
                "    at a.B.c(B.java:3): Unsafe.putLong of 0x20 to 0x10 (unknown memory), 2 records"),
                s.lines("heap-pointer"));
        assertEquals(3, s.failing(Set.of()));
        assertEquals(1, s.failing(Set.of("heap-reference")));
    }

    @Test
    void theFailureSaysHowManyViolationsFailTheBuild() throws IOException {
        Path report = tmp.resolve("r.jsonl");
        Files.write(report, List.of(record("heap-pointer", "a.B.c(B.java:3)"), record("overflow", "a.D.e(D.java:9)"),
                record("overflow", "a.D.f(D.java:10)")));
        ViolationSummary s = new ViolationSummary(ReportFile.read(report).violations);
        assertEquals("unsafecheck: 3 violations in " + report + "; see the list above",
                CheckMojo.failure(s, s.failing(Set.of()), Set.of(), List.of(report)), "every rule fails the build");
        assertEquals("unsafecheck: 3 violations in " + report + ", 2 of them of the rule that fails the build"
                + " (failOnRules: overflow); see the list above",
                CheckMojo.failure(s, s.failing(Set.of("overflow")), Set.of("overflow"), List.of(report)));
    }

    @Test
    void aMalformedLineIsNamedWithFileAndLine() throws IOException {
        Path report = tmp.resolve("r.jsonl");
        Files.write(report, List.of(record("heap-pointer", "a.B.c(B.java:3)"), "{\"rule\":\"heap-"));
        IOException e = assertThrows(IOException.class, () -> ReportFile.read(report));
        assertTrue(e.getMessage().startsWith("unsafecheck: " + report + ":2 is not a report record"), e.getMessage());
    }

    @Test
    void aDirectoryIsNoReport() {
        IOException e = assertThrows(IOException.class, () -> ReportFile.read(tmp));
        assertEquals("unsafecheck: the report " + tmp + " is a directory, not a JSON-lines file", e.getMessage());
    }

    @Test
    void runRecordsAreReadApartFromViolations() throws IOException {
        Path report = tmp.resolve("r.jsonl");
        Files.write(report, List.of(
                "{\"record\":\"start\",\"pid\":1,\"time\":100,\"version\":\"x\"}",
                "{\"record\":\"start\",\"pid\":2,\"time\":100}",
                record("overflow", "a.B.c(B.java:3)"),
                "{\"record\":\"end\",\"pid\":1,\"time\":200,\"sitesChecked\":4,\"allocationsTracked\":2,\"violations\":1}",
                "{\"record\":\"start\",\"pid\":3,\"time\":5}",
                "{\"record\":\"end\",\"pid\":3,\"time\":6,\"sitesChecked\":9}"));
        ReportFile.Contents c = ReportFile.read(report);
        assertEquals(1, c.violations.size(), "start and end records are not violations");
        assertEquals(5, c.runRecords.size());
        JvmRuns runs = JvmRuns.of(c.runRecords, 50);
        assertEquals(2, runs.started, "pid 3 ran before this build started");
        assertEquals(1, runs.ended);
        assertEquals(4, runs.sitesChecked);
        assertEquals("2 JVMs ran under the checker: 4 call sites checked, 2 native allocations tracked (1 ended"
                + " without an end record: killed or crashed?)", runs.describe());
    }

    private static JvmRuns runs(int started, int ended, long checked) {
        JvmRuns r = new JvmRuns();
        r.started = started;
        r.ended = ended;
        r.sitesChecked = checked;
        return r;
    }

    @Test
    void testsThatRanWithoutTheAgentAreCalledOut() {
        ArgLineWiring.Problem dropped = new ArgLineWiring.Problem(TestReports.SUREFIRE, "-Xmx1g", "warned");
        List<String> p = UncheckedRuns.problems(runs(0, 0, 0), Map.of(TestReports.SUREFIRE, 3), List.of(dropped),
                List.of(), "argLine");
        assertEquals(List.of("maven-surefire-plugin ran 3 tests without the checker: its <argLine>-Xmx1g</argLine>"
                + " replaces the argLine property that prepare-agent set. Write <argLine>@{argLine} -Xmx1g</argLine>."),
                p);
        // the same configuration, but its plugin ran no test in this build: nothing ran unchecked
        assertEquals(List.of(), UncheckedRuns.problems(runs(0, 0, 0), Map.of(), List.of(dropped), List.of(),
                "argLine"));
        // tests ran, no JVM started the checker, no configuration to blame
        List<String> lost = UncheckedRuns.problems(runs(0, 0, 0), Map.of(TestReports.FAILSAFE, 1), List.of(),
                List.of(), "argLine");
        assertEquals(1, lost.size());
        assertTrue(lost.get(0).startsWith("1 test ran in this build (maven-failsafe-plugin), but no JVM started the"
                + " checker."), lost::toString);
    }

    @Test
    void jvmsThatCheckedNothingAreCalledOutWithTheLikelyCause() {
        List<String> p = UncheckedRuns.problems(runs(1, 1, 0), Map.of(), List.of(), List.of("maven-surefire-plugin"
                + " 2.12.4 runs no JUnit 5 test"), "argLine");
        assertEquals(List.of("1 JVM ran under the checker, but no checked call site ran in it: this build checked"
                + " nothing. maven-surefire-plugin 2.12.4 runs no JUnit 5 test"), p);
        assertEquals(List.of(), UncheckedRuns.problems(runs(2, 2, 7), Map.of(TestReports.SUREFIRE, 5), List.of(),
                List.of(), "argLine"), "checked: nothing to say");
        assertEquals(List.of(), UncheckedRuns.problems(runs(2, 1, 0), Map.of(), List.of(), List.of(), "argLine"),
                "a JVM without its end record may have checked something: no claim");
        assertEquals(List.of(), UncheckedRuns.problems(runs(0, 0, 0), Map.of(), List.of(), List.of(), "argLine"),
                "no tests, no JVM (-DskipTests): nothing ran unchecked");
    }

    @Test
    void surefireBefore2_22RunsNoJUnitPlatform() {
        assertTrue(TestPlugins.olderThan("2.12.4", TestPlugins.JUNIT_PLATFORM_SINCE));
        assertTrue(TestPlugins.olderThan("2.21.0", TestPlugins.JUNIT_PLATFORM_SINCE));
        assertTrue(!TestPlugins.olderThan("2.22.0", TestPlugins.JUNIT_PLATFORM_SINCE));
        assertTrue(!TestPlugins.olderThan("3.0.0-M5", TestPlugins.JUNIT_PLATFORM_SINCE));
        assertTrue(!TestPlugins.olderThan("${surefire.version}", TestPlugins.JUNIT_PLATFORM_SINCE), "no claim");
    }

    @Test
    void testReportsCountTheTestsOfThisBuildOnly() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("surefire-reports"));
        Files.writeString(dir.resolve("TEST-a.ATest.xml"), "<?xml version=\"1.0\"?>\n<testsuite"
                + " xmlns:xsi=\"x\" name=\"a.ATest\" time=\"0.1\" tests=\"3\" errors=\"0\">");
        Files.writeString(dir.resolve("TEST-b.BTest.xml"), "<testsuite name=\"b\" tests=\"2\">");
        Files.writeString(dir.resolve("a.ATest.txt"), "tests=\"100\"");
        dir.resolve("TEST-b.BTest.xml").toFile().setLastModified(1000);
        assertEquals(5, TestReports.testsIn(dir.toFile(), 0));
        assertEquals(3, TestReports.testsIn(dir.toFile(), 2000), "an earlier build's report is no evidence");
        assertEquals(0, TestReports.testsIn(tmp.resolve("none").toFile(), 0));
    }
}
