package io.github.unsafecheck.samples.cases;

import io.github.unsafecheck.runtime.config.Rule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table as a whole: every program declares what it expects, every rule has a bad case and good cases exist. */
class CaseCatalogTest {
    private static List<CaseSource> parseAll() {
        List<CaseSource> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (CaseCatalog.Entry e : CaseCatalog.scan()) {
            try {
                out.add(e.parse());
            } catch (IllegalArgumentException bad) {
                errors.add(bad.getMessage());
            }
        }
        assertEquals(List.of(), errors, "every program under src/main is a case and must declare its expectation");
        return out;
    }

    @Test
    void everyRuleHasABadCaseOnJdk17AndGoodCasesStaySilent() {
        List<CaseSource> cases = parseAll();
        for (Rule rule : Rule.values()) {
            assertTrue(cases.stream().anyMatch(c -> c.minimumJdk == 17 && c.marks.containsValue(rule.id())),
                    "no case marks " + rule.id());
        }
        assertTrue(cases.stream().filter(c -> c.minimumJdk == 22 && !c.expectsNothing()).count() >= 3,
                "the java.lang.foreign cases: heap address, reinterpret, closed arena");
        assertTrue(cases.stream().filter(CaseSource::expectsNothing).count() >= 8, "good twins");
    }

    /** Go's rows that the seed patch added, at the strictest settings. */
    @Test
    void theSeedRowsRunUnderTheStrictestSettings() {
        List<CaseSource> cases = parseAll();
        for (String row : new String[] {"Finalizer", "StructOf"}) {
            Optional<CaseSource> c = cases.stream().filter(s -> s.simpleName().equals(row)).findFirst();
            assertTrue(c.isPresent(), row);
            assertTrue(c.get().expectsNothing(), row);
            assertEquals(17, c.get().minimumJdk, row + " runs on JDK 17 too");
            Map<String, String> o = c.get().options;
            assertEquals("true", o.getOrDefault("strict", "true"), row);
            assertEquals("all", o.getOrDefault("rules", "all"), row);
        }
    }
}
