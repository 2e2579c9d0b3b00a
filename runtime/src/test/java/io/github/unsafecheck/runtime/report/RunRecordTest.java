package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.Mode;
import io.github.unsafecheck.runtime.config.Options;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRecordTest {
    @Test
    void theStartRecordSaysWhichJvmAndWhichOptions() {
        Map<String, Object> start = JsonReader.parseObject(
                RunRecord.start("1.2.3", "agent", Options.parse("mode=report", null).effective()));
        assertEquals("start", start.get("record"));
        assertFalse(start.containsKey("rule"), "a run record is never taken for a violation");
        assertEquals(ProcessHandle.current().pid(), ((Number) start.get("pid")).longValue());
        assertEquals("1.2.3", start.get("version"));
        assertEquals("agent", start.get("startedBy"));
        assertEquals(System.getProperty("java.vendor"), start.get("vendor"));
        assertTrue(String.valueOf(start.get("jdk")).startsWith(String.valueOf(Runtime.version().feature())),
                start::toString);
        Map<?, ?> options = (Map<?, ?>) start.get("options");
        assertEquals("report", options.get("mode"));
        assertTrue(String.valueOf(options.get("rules")).startsWith("heap-pointer:"), options::toString);
    }

    @Test
    void theEndRecordCountsWhatRanAndWhatWasFound() {
        Map<String, Object> end = JsonReader.parseObject(RunRecord.end(new RunCounts(12, 3, 5, 4, 1)));
        assertEquals("end", end.get("record"));
        assertEquals(12L, ((Number) end.get("sitesRewritten")).longValue());
        assertEquals(3L, ((Number) end.get("classesTransformed")).longValue());
        assertEquals(5L, ((Number) end.get("allocationsTracked")).longValue());
        assertEquals(4L, ((Number) end.get("sitesChecked")).longValue());
        assertEquals(1L, ((Number) end.get("violations")).longValue());
        Map<String, Object> offline = JsonReader.parseObject(RunRecord.end(new RunCounts(-1, -1, 0, 2, 0)));
        assertTrue(offline.containsKey("sitesRewritten"));
        assertNull(offline.get("sitesRewritten"), "no agent, no census: null, not 0");
    }

    @Test
    void aCleanRunSaysWhatItCheckedOrThatItCheckedNothing() {
        assertEquals("unsafecheck: no violations (4 call sites checked, 1 native allocation tracked; mode=count,"
                + " report: /r/c.jsonl)", RunRecord.cleanExitLine(new RunCounts(9, 2, 1, 4, 0), Mode.COUNT,
                Path.of("/r/c.jsonl")));
        assertEquals("unsafecheck: no violations, but no checked call site ran: nothing wrote native memory through a"
                + " rewritten call site (3 native allocations tracked; mode=throw)",
                RunRecord.cleanExitLine(new RunCounts(9, 2, 3, 0, 0), Mode.THROW, null));
    }
}
