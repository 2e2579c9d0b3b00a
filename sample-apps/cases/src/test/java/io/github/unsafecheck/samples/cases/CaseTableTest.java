package io.github.unsafecheck.samples.cases;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The case table, like Go's {@code ptr_test.go}: every case program runs under the agent in a new JVM, in throw and
 * in report mode, on the build JDK and on JDK 17 when one is installed (the {@code java.lang.foreign} cases on 22+
 * only), and its report must match the marks in its source line by line.
 *
 * <p>{@code -Dunsafecheck.cases=OffByOne,StructOf} runs only those rows.
 */
class CaseTableTest {
    private static final List<String> MODES = List.of("throw", "report");

    @TestFactory
    Stream<DynamicNode> everyCaseUnderTheAgent() {
        String only = System.getProperty("unsafecheck.cases", "");
        List<CaseCatalog.Entry> cases = CaseCatalog.scan().stream()
                .filter(e -> only.isEmpty() || List.of(only.split(",")).contains(e.simpleName()))
                .collect(Collectors.toList());
        assertFalse(cases.isEmpty(), "no case named " + only);
        return Jdks.matrix().stream().map(jdk -> dynamicContainer(jdk.toString(), cases.stream()
                .filter(e -> e.minimumJdk <= jdk.feature())
                .map(e -> onJdk(jdk, e))));
    }

    private static DynamicContainer onJdk(Jdk jdk, CaseCatalog.Entry entry) {
        return dynamicContainer(entry.simpleName(), MODES.stream().map(mode -> dynamicTest(mode, () -> {
            CaseRun run = CaseRun.of(jdk, entry.parse(), mode);
            List<String> problems = run.problems();
            assertTrue(problems.isEmpty(), () -> entry.simpleName() + " on " + jdk + ", mode=" + mode + ":\n  "
                    + problems.stream().collect(Collectors.joining("\n  ")) + "\n" + run);
        })));
    }
}
