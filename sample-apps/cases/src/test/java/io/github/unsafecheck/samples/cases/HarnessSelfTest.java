package io.github.unsafecheck.samples.cases;

import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The harness against a real run: the report of {@code DoubleFree} matches its source, and the same report fails
 * the case once its mark is moved one line, names another rule, or is replaced by {@code expect: none}.
 */
class HarnessSelfTest {
    private static final String CASE = "io.github.unsafecheck.samples.memory.DoubleFree";
    private static final String MARK = " // expect: double-free";

    @Test
    void aWrongMarkFailsAgainstARealReport() throws IOException {
        CaseCatalog.Entry entry = CaseCatalog.scan().stream().filter(e -> e.className.equals(CASE)).findFirst()
                .orElseThrow();
        CaseRun run = CaseRun.of(Jdks.current(), entry.parse(), "report");
        assertEquals(List.of(), run.problems(), run::toString);

        List<String> source = Files.readAllLines(entry.source, StandardCharsets.UTF_8);
        int marked = -1;
        for (int i = 0; i < source.size(); i++) {
            marked = source.get(i).endsWith(MARK) ? i : marked;
        }
        List<String> moved = new ArrayList<>(source);
        moved.set(marked, source.get(marked).replace(MARK, ""));
        moved.set(marked + 1, source.get(marked + 1) + MARK);
        List<String> otherRule = new ArrayList<>(source);
        otherRule.set(marked, source.get(marked).replace("double-free", "invalid-free"));
        List<String> none = new ArrayList<>(source);
        none.set(marked, source.get(marked).replace(MARK, ""));
        none.set(0, "/** expect: none */ " + source.get(0));

        for (List<String> wrong : List.of(moved, otherRule, none)) {
            CaseSource c = CaseSource.parse(entry.className, "DoubleFree.java", 17, wrong);
            assertFalse(Verdict.compare(c, run.records).isEmpty(), "must fail: " + c);
        }
    }
}
