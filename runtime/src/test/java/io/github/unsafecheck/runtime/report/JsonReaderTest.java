package io.github.unsafecheck.runtime.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonReaderTest {
    @Test
    void readsWhatTheWriterWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", "heap-pointer");
        m.put("site", "a.B.c(B.java:12)");
        m.put("size", 8L);
        m.put("allocation", null);
        m.put("stack", List.of("x \"quoted\"\ttab", "y"));
        m.put("skipped", false);
        StringBuilder sb = new StringBuilder();
        Json.object(sb, m);
        assertEquals(m, JsonReader.parseObject(sb.toString()));
    }

    @Test
    void truncatedLineIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonReader.parseObject("{\"rule\":\"heap-po"));
        assertEquals(true, e.getMessage().startsWith("not one JSON object"), e.getMessage());
    }

    @Test
    void anArrayIsNotAnObject() {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parseObject("[1,2]"));
    }
}
