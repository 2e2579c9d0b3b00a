package io.github.unsafecheck.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        ViolationSummary s = new ViolationSummary(ReportFile.read(report));
        assertEquals(3, s.total());
        assertEquals(List.of("heap-pointer: 2 violations at 1 site",
                "    at a.B.c(B.java:3): Unsafe.putLong of 0x20 to 0x10 (unknown memory), 2 records"),
                s.lines("heap-pointer"));
        assertEquals(3, s.failing(Set.of()));
        assertEquals(1, s.failing(Set.of("heap-reference")));
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
}
