package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** MemorySegment stores under the agent (JDK 22+). */
class SegmentRulesIT {
    private static final String PROGRAM = "example.ffm.SegmentProgram";

    @TempDir
    Path dir;

    private Jdk jdk() {
        Jdk jdk = Jdks.current();
        assumeTrue(jdk.feature() >= 22, "MemorySegment checks need JDK 22+");
        return jdk;
    }

    @Test
    void aHeapAddressStoredWithAnAddressLayout() {
        Programs.Run run = Programs.run(jdk(), dir, "", PROGRAM, "heap-address");
        assertTrue(run.stdout().contains("slot unchanged"), run::toString);
        assertTrue(run.stdout().contains("caught UnsafeWriteError: unsafecheck: write of Java heap pointer"), run::toString);
        Map<String, Object> r = only(run, "heap-pointer");
        assertEquals("MemorySegment.set", r.get("op"));
        assertTrue(((String) r.get("site")).endsWith("(SegmentProgram.java:"
                + Programs.lineOf(PROGRAM, "slot.set(ValueLayout.ADDRESS, 0, pointer)") + ")"), r::toString);
    }

    @Test
    void aReinterpretedSegmentWritingPastItsAllocation() {
        Programs.Run run = Programs.run(jdk(), dir, "", PROGRAM, "reinterpret");
        assertTrue(run.stdout().contains(" covers bytes 512..519 of the 16-byte native segment #"), run::toString);
        assertTrue(run.stdout().contains(": 504 bytes past its end [overflow]"), run::toString);
        Map<String, Object> r = only(run, "overflow");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.get("allocation");
        assertEquals(16L, a.get("size"));
        assertEquals("native segment", a.get("kind"));
        assertTrue(((String) a.get("allocatedAt")).startsWith("example.ffm.SegmentProgram.run("), a::toString);
    }

    /** A layout var handle adds its field's offset itself: the write is judged where it really lands. */
    @Test
    void aVarHandleFieldPastTheBlock() {
        Programs.Run run = Programs.run(jdk(), dir, "", PROGRAM, "var-handle-field");
        Map<String, Object> r = only(run, "overflow");
        assertEquals("VarHandle.set", r.get("op"), r::toString);
        assertTrue(((String) r.get("site")).endsWith("(SegmentProgram.java:"
                + Programs.lineOf(PROGRAM, "next.set(small, 0L, MemorySegment.NULL)") + ")"), r::toString);
    }

    @Test
    void aStaleAddressOfAClosedArena() {
        Programs.Run run = Programs.run(jdk(), dir, "", PROGRAM, "closed-arena");
        Map<String, Object> r = only(run, "use-after-free");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.get("allocation");
        assertTrue(((String) a.get("freedAt")).startsWith("example.ffm.SegmentProgram.run(SegmentProgram.java:"),
                "the arena's close names the user's line: " + a);
    }

    @Test
    void withDanglingOnTheCloseItselfReportsThePointerLeftBehind() {
        Programs.Run run = Programs.run(jdk(), dir, "rules=all", PROGRAM, "closed-arena");
        assertEquals(2, run.records.size(), run::toString);
        Map<String, Object> d = run.records.get(0);
        assertEquals("dangling-pointer", d.get("rule"));
        assertTrue(((String) d.get("storedAt")).endsWith("(SegmentProgram.java:"
                + Programs.lineOf(PROGRAM, "global.set(ValueLayout.JAVA_LONG, 0, node.address())") + ")"), d::toString);
        assertTrue(((String) d.get("site")).startsWith("example.ffm.SegmentProgram.run("), d::toString);
        assertEquals("use-after-free", run.records.get(1).get("rule"));
        assertTrue(run.stderr().contains("reported, nothing stopped"), run::toString);
    }

    /** An arena frees its segments one by one; pointers between segments of the one arena are not left behind. */
    @Test
    void withDanglingALinkedListFreedByItsArenaIsSilent() {
        Programs.Run run = Programs.run(jdk(), dir, "rules=all", PROGRAM, "one-arena-list");
        assertTrue(run.stdout().contains("list freed"), run::toString);
        assertEquals(List.of(), run.records, run::toString);
    }

    @Test
    void correctSegmentCodeFromSeveralThreadsIsSilent() {
        Programs.Run run = Programs.run(jdk(), dir, "strict=true,rules=all", "example.ffm.LinkedListProgram", "2000");
        assertEquals(0, run.result.exitCode(), run::toString);
        assertTrue(run.stdout().contains("failures []"), run::toString);
        assertEquals(List.of(), run.records, run::toString);
    }

    /** The VarHandle fast path (the whole segment inside the site's cached block) does not hide a later overflow. */
    @Test
    void aVarHandleSiteThatHitABlockStillCatchesAnOverflow() {
        Programs.Run run = Programs.run(jdk(), dir, "mode=report", PROGRAM, "var-handle-after-a-hit");
        Map<String, Object> r = only(run, "overflow");
        assertEquals("VarHandle.set", r.get("op"), r::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) r.get("allocation");
        assertEquals(16L, a.get("size"), a::toString);
    }

    @Test
    void everySegmentAndVarHandleStoreSiteIsRewritten() {
        Path coverage = dir.resolve("coverage.jsonl");
        Programs.Run run = Programs.run(jdk(), dir, "coverage=" + coverage, "example.ffm.LinkedListProgram", "10");
        assertTrue(run.stdout().contains("failures []"), run::toString);
        Map<String, Object> c = io.github.unsafecheck.testing.JsonLines.read(coverage).stream()
                .filter(l -> "example.ffm.LinkedListProgram".equals(l.get("class"))).findFirst().orElseThrow();
        assertEquals(0L, c.get("skipped"), c::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) c.get("sites");
        for (String target : new String[] {"java.lang.invoke.VarHandle.set(Ljava/lang/foreign/MemorySegment;JJ)V",
            "java.lang.invoke.VarHandle.set(Ljava/lang/foreign/MemorySegment;JLjava/lang/foreign/MemorySegment;)V",
            "java.lang.invoke.VarHandle.set(Ljava/lang/foreign/MemorySegment;JJI)V",
            "java.lang.invoke.VarHandle.getAndAdd(Ljava/lang/foreign/MemorySegment;JJ)V",
            "java.lang.foreign.MemorySegment.fill(B)Ljava/lang/foreign/MemorySegment;",
            "java.lang.foreign.MemorySegment.setString(JLjava/lang/String;Ljava/nio/charset/Charset;)V",
            "java.lang.foreign.MemorySegment.setAtIndex(Ljava/lang/foreign/ValueLayout$OfLong;JJ)V"}) {
            assertTrue(sites.stream().anyMatch(s -> target.equals(s.get("target"))), target + " in " + sites);
        }
    }

    private static Map<String, Object> only(Programs.Run run, String rule) {
        assertEquals(1, run.records.size(), run::toString);
        assertEquals(rule, run.records.get(0).get("rule"), run::toString);
        return run.records.get(0);
    }
}
