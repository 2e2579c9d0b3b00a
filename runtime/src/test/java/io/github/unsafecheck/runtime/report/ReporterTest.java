package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.stack.StackCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReporterTest {
    @TempDir
    Path dir;

    private static Violation violation(Rule rule, long dst) {
        return Violation.pointer(rule, "Unsafe.putAddress", dst, 0x7_0000_1000L, null, 8, DstKind.UNKNOWN, null,
                StackCapture.here(), false);
    }

    @Test
    void onceBySiteCountedAlways() throws Exception {
        Path file = dir.resolve("r.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Reporter r = new Reporter(Mode.REPORT, EnumSet.allOf(Rule.class), JsonLinesFile.open(file.toString(),
                "report"), new PrintStream(err, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 5; i++) {
            r.record(violation(Rule.HEAP_POINTER, 0x1000 + i)); // same site: this line
        }
        assertEquals(5, r.total());
        assertEquals(1, Files.readAllLines(file).size());
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("unsafecheck: write of", -1).length - 1, text);
        assertTrue(text.contains("the write went ahead (mode=report)"), text);
        String summary = r.summary();
        assertTrue(summary.startsWith("unsafecheck: 5 violations at 1 site (heap-pointer: 5), mode=report, report: "),
                summary);
    }

    @Test
    void countModeWritesNothingButTheSummary() {
        Path file = dir.resolve("c.jsonl");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Reporter r = new Reporter(Mode.COUNT, EnumSet.allOf(Rule.class), JsonLinesFile.open(file.toString(),
                "report"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNull(r.summary());
        r.record(violation(Rule.HEAP_REFERENCE, 1));
        r.record(violation(Rule.HEAP_REFERENCE, 2));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, file.toFile().length());
        assertTrue(r.summary().contains("\n\t2 × heap-reference at "), r.summary());
    }

    /** Many threads, few sites: exact totals, exactly one whole record per site. */
    @Test
    void concurrentReportingKeepsExactCountsAndWholeLines() throws Exception {
        Path file = dir.resolve("many.jsonl");
        Reporter r = new Reporter(Mode.REPORT, EnumSet.allOf(Rule.class), JsonLinesFile.open(file.toString(),
                "report"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int threads = 8;
        int each = 500;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (id % 2 == 0) {
                        r.record(violation(Rule.HEAP_POINTER, i));     // site A
                    } else {
                        r.record(violation(Rule.HEAP_REFERENCE, i));   // site B
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(threads * each, r.total());
        assertEquals(threads * each / 2, r.count(Rule.HEAP_POINTER));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines::toString);
        for (String l : lines) {
            assertTrue(l.startsWith("{\"rule\":\"heap-") && l.endsWith("}"), l);
        }
    }

    @Test
    void recordFieldsAsDesignFixesThem() {
        Violation v = violation(Rule.HEAP_POINTER, 0xABC);
        String json = v.json();
        for (String field : new String[] {"\"rule\":\"heap-pointer\"", "\"op\":\"Unsafe.putAddress\"",
            "\"dst\":\"0x0000000000000abc\"", "\"value\":\"0x0000000700001000\"", "\"size\":8",
            "\"dstKind\":\"unknown\"", "\"allocation\":null", "\"thread\":\"", "\"site\":\"", "\"stack\":[",
            "\"skipped\":false"}) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        // The site is the first frame outside unsafecheck's runtime (this test sits inside its packages).
        assertEquals(v.stack().formatted().get(0), v.site());
        assertTrue(v.stack().formatted().stream().noneMatch(f -> f.startsWith("io.github.unsafecheck.runtime.")),
                v.stack().formatted()::toString);
    }

    @Test
    void unwritableReportPathNamesTheOption() throws Exception {
        Path blocker = Files.createFile(dir.resolve("a-file"));
        OptionException e = assertThrows(OptionException.class,
                () -> JsonLinesFile.open(blocker.resolve("r.jsonl").toString(), "report"));
        assertTrue(e.getMessage().startsWith("unsafecheck: cannot write the file '"), e.getMessage());
        assertTrue(e.getMessage().contains("(option 'report')"), e.getMessage());
        // In words, not the JDK's exception class; and the list of options would not help with a file.
        assertTrue(e.getMessage().endsWith(": " + blocker + ": exists and is not a directory"), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), e.getMessage());
        assertTrue(!e.optionsHelp());
        OptionException dir = assertThrows(OptionException.class, () -> JsonLinesFile.open(this.dir.toString(),
                "report"));
        assertTrue(dir.getMessage().endsWith(": " + this.dir + ": is a directory"), dir.getMessage());
    }

    @Test
    void hexIsFixedWidth() {
        assertEquals("0x0000000000000000", Hex.address(0));
        assertEquals("0xffffffffffffffff", Hex.address(-1));
        assertEquals("0x00007f3a2c001000", Hex.address(0x7f3a2c001000L));
    }

    @Test
    void jsonEscapes() {
        StringBuilder sb = new StringBuilder();
        Json.string(sb, "a\"b\\c\nd\u0001");
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", sb.toString());
    }
}
