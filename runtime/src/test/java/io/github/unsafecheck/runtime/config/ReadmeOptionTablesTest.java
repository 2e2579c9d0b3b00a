package io.github.unsafecheck.runtime.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's option tables are written by hand for readers; {@link Option} is the truth. These tests keep the two
 * in step: every option has its row, in the enum's order, and the default the README shows is the real one.
 */
class ReadmeOptionTablesTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void theAgentOptionTableListsEveryOptionWithItsDefault() throws IOException {
        Map<String, String> rows = table("| option | values (default first) | what it does |");
        List<String> keys = new ArrayList<>();
        for (Option o : Option.values()) {
            keys.add(o.key());
        }
        assertEquals(keys, new ArrayList<>(rows.keySet()), "README option rows, in Option's order");
        for (Option o : Option.values()) {
            if (!o.defaultValue().isEmpty()) {
                assertTrue(rows.get(o.key()).startsWith("`" + o.defaultValue() + "`"),
                        o.key() + ": README says " + rows.get(o.key()) + ", the default is " + o.defaultValue());
            }
        }
    }

    @Test
    void theMavenParameterTableHasEveryOptionWithItsDefault() throws IOException {
        Map<String, String> rows = table("| parameter | user property | default | meaning |");
        for (Option o : Option.values()) {
            String defaults = null;
            for (Map.Entry<String, String> row : rows.entrySet()) {
                String[] names = row.getKey().split(" / ");
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(o.key())) {
                        String[] values = row.getValue().split(" / ");
                        defaults = values[Math.min(i, values.length - 1)];
                    }
                }
            }
            assertTrue(defaults != null, "no Maven parameter row for option " + o.key());
            if (!o.defaultValue().isEmpty()) {
                assertEquals("`" + o.defaultValue() + "`", defaults, o.key());
            }
        }
    }

    /**
     * The rows of the Markdown table under {@code header}: the first column's names (without backticks) → the column
     * that holds the default (the second for the agent table, the third for the Maven table).
     */
    private static Map<String, String> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf(header);
        assertTrue(at >= 0, "README has no table headed " + header);
        int defaultColumn = header.startsWith("| option") ? 1 : 2;
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            rows.put(cells[1].trim().replace("`", ""), cells[1 + defaultColumn].trim());
        }
        return rows;
    }
}
