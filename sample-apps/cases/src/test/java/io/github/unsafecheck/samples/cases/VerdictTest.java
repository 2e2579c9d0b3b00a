package io.github.unsafecheck.samples.cases;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness's judge, without JVMs: a wrong mark, a missing report or an unmarked one must fail a case. */
class VerdictTest {
    private static final List<String> BAD = List.of(
            "package demo;",                                               // 1
            "// options: allocators=demo.Bad$Pool#link,strict=false",      // 2
            "public final class Bad {",                                    // 3
            "    public static void main(String[] args) {",                // 4
            "        U.putLong(block + 56, 1); // expect: overflow",       // 5
            "        U.freeMemory(block); // expect: double-free (again)", // 6
            "    }",                                                       // 7
            "}");                                                          // 8
    private static final List<String> GOOD = List.of(
            "package demo;",
            "/** Correct code (expect: none). */",
            "public final class Good {",
            "    public static void main(String[] args) {",
            "        U.putLong(block, 1);",
            "    }",
            "}");

    private static CaseSource bad() {
        return CaseSource.parse("demo.Bad", "Bad.java", 17, BAD);
    }

    private static CaseSource good() {
        return CaseSource.parse("demo.Good", "Good.java", 17, GOOD);
    }

    private static Map<String, Object> record(String rule, String site) {
        return Map.of("rule", rule, "site", site, "op", "Unsafe.putLong", "thread", "main");
    }

    @Test
    void marksAreReadWithTheirLinesAndOptionsWithTheirValues() {
        CaseSource c = bad();
        assertEquals(Map.of(5, "overflow", 6, "double-free"), c.marks);
        assertEquals(Map.of("allocators", "demo.Bad$Pool#link", "strict", "false"), c.options);
        assertTrue(good().expectsNothing());
        assertEquals("strict=false,rules=all,allocators=demo.Bad$Pool#link,mode=throw,report=r.jsonl",
                c.agentOptions("throw", "r.jsonl"), "the case's options win over the table's");
    }

    @Test
    void aCaseMustSayExactlyWhatItExpects() {
        assertThrows(IllegalArgumentException.class, () -> CaseSource.parse("demo.X", "X.java", 17,
                List.of("class X { void main() { U.putLong(a, 1); } }")), "no expectation at all");
        assertThrows(IllegalArgumentException.class, () -> CaseSource.parse("demo.X", "X.java", 17,
                List.of("/** expect: none */", "U.putLong(a, 1); // expect: overflow")), "none and a mark");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> CaseSource.parse("demo.X",
                "X.java", 17, List.of("U.putLong(a, 1); // expect: overflw")));
        assertTrue(typo.getMessage().contains("X.java:1: 'overflw' is not a rule id"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseSource.parse("demo.X", "X.java", 17,
                List.of("// options: mode=report", "/** expect: none */")), "the harness sets the mode");
        assertThrows(IllegalArgumentException.class, () -> CaseSource.parse("demo.X", "X.java", 17,
                List.of("U.freeMemory(a); // expect: dangling")), "an alias is not the rule's id");
    }

    @Test
    void everyMarkReportedAtItsLineWithItsRulePasses() {
        assertEquals(List.of(), Verdict.compare(bad(), List.of(
                record("overflow", "demo.Bad.main(Bad.java:5)"),
                record("overflow", "demo.Bad.main(Bad.java:5)"),   // a repeat at the same site is the same finding
                record("double-free", "demo.Bad$Inner.lambda$main$0(Bad.java:6)"))));
        assertEquals(List.of(), Verdict.compare(good(), List.of()));
    }

    @Test
    void aReportOneLineOffFailsTwice() {
        List<String> p = Verdict.compare(bad(), List.of(
                record("overflow", "demo.Bad.main(Bad.java:5)"),
                record("double-free", "demo.Bad.main(Bad.java:7)")));
        assertEquals(List.of("Bad.java:6 expects double-free, but nothing was reported there",
                "unmarked double-free at demo.Bad.main(Bad.java:7) (Unsafe.putLong, thread main)"), p);
    }

    @Test
    void theWrongRuleAtAMarkedLineFails() {
        List<String> p = Verdict.compare(bad(), List.of(
                record("use-after-free", "demo.Bad.main(Bad.java:5)"),
                record("double-free", "demo.Bad.main(Bad.java:6)")));
        assertEquals(List.of("Bad.java:5 expects overflow, but the report says [use-after-free]",
                "unmarked use-after-free at demo.Bad.main(Bad.java:5) (Unsafe.putLong, thread main)"), p);
    }

    @Test
    void aReportElsewhereIsAFalsePositive() {
        List<String> p = Verdict.compare(good(), List.of(
                record("wild-write", "demo.support.Helper.put(Helper.java:5)"),
                record("dangling-pointer", "java.lang.ref.Cleaner.clean(Unknown Source)")));
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("unmarked wild-write at demo.support.Helper.put(Helper.java:5)"), p::toString);
        assertTrue(p.get(1).startsWith("unmarked dangling-pointer at java.lang.ref.Cleaner"), p::toString);
    }

    @Test
    void aRunEndsTheWayItsModeSays() {
        String thrown = Verdict.UNCAUGHT + ": unsafecheck: …\n\tat demo.Bad.main(Bad.java:5)";
        assertEquals(List.of(), Verdict.ending(bad(), "throw", 1, thrown), "a mark's error may end a bad case");
        assertEquals(List.of(), Verdict.ending(bad(), "report", 0, ""));
        assertEquals(1, Verdict.ending(bad(), "report", 1, thrown).size(), "report mode never throws");
        assertEquals(1, Verdict.ending(good(), "throw", 1, thrown).size(), "a good case never throws");
        assertEquals(1, Verdict.ending(bad(), "throw", 1, "java.lang.IllegalStateException").size(),
                "only an UnsafeWriteError may end a case early");
        assertEquals(1, Verdict.ending(good(), "report", 134, "# " + Verdict.CRASH).size(), "a crash fails");
    }

    @Test
    void aRunMustLeaveItsStartAndEndRecords() {
        Map<String, Object> start = Map.of("record", "start", "pid", 7);
        Map<String, Object> end = Map.of("record", "end", "pid", 7, "sitesChecked", 2, "allocationsTracked", 1,
                "violations", 1);
        List<Map<String, Object>> one = List.of(record("overflow", "demo.Bad.main(Bad.java:5)"));
        assertEquals(List.of(), Verdict.runRecords(one, List.of(start, end)));
        assertEquals(1, Verdict.runRecords(one, List.of(start)).size(), "no end record: killed, or never at exit");
        assertEquals(1, Verdict.runRecords(List.of(), List.of()).size(), "no start record: the agent never ran");
        assertEquals(1, Verdict.runRecords(List.of(), List.of(start, Map.of("record", "end", "pid", 8,
                "sitesChecked", 0, "allocationsTracked", 0, "violations", 0))).size(), "another JVM's end");
        assertEquals(1, Verdict.runRecords(List.of(one.get(0), one.get(0)), List.of(start, end)).size(),
                "fewer violations counted than recorded");
        assertEquals(1, Verdict.problems(bad(), "report", 0, "", List.of(
                record("overflow", "demo.Bad.main(Bad.java:5)"), record("double-free", "demo.Bad.main(Bad.java:6)")),
                List.of()).size(), "problems() asks for the run records");
    }

    @Test
    void aWriteMadeInsideALibraryIsJudgedAtTheCasesLineThatCalledIt() {
        Map<String, Object> inLibrary = Map.of("rule", "overflow", "op", "Unsafe.putLong", "thread", "main",
                "site", "org.lwjgl.system.MemoryUtil.memPutLong(MemoryUtil.java:1948)",
                "stack", List.of("org.lwjgl.system.MemoryUtil.memPutLong(MemoryUtil.java:1948)", "demo.Bad.main(Bad.java:5)"));
        assertEquals(List.of("Bad.java:6 expects double-free, but nothing was reported there"),
                Verdict.compare(bad(), List.of(inLibrary)));
        Map<String, Object> elsewhere = Map.of("rule", "overflow", "op", "Unsafe.putLong", "thread", "main",
                "site", "org.lwjgl.system.MemoryUtil.memPutLong(MemoryUtil.java:1948)",
                "stack", List.of("org.lwjgl.system.MemoryUtil.memPutLong(MemoryUtil.java:1948)", "demo.Other.run(Other.java:5)"));
        assertTrue(Verdict.compare(good(), List.of(elsewhere)).get(0).startsWith("unmarked overflow at org.lwjgl."),
                "a record the case's code is nowhere in is a false positive");
    }
}
