package io.github.unsafecheck.testing;

import io.github.unsafecheck.runtime.report.JsonReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a JSON-lines report into maps and lists, with the runtime's own reader. */
public final class JsonLines {
    private JsonLines() {
    }

    /** Every line of the file as a JSON object; an absent file is an empty report. */
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(parseObject(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The violation records of a report: every line but the run records ({@code "record": "start"} and
     * {@code "end"}, which each JVM writes when the checker starts and at exit).
     */
    public static List<Map<String, Object>> violations(Path report) {
        List<Map<String, Object>> out = read(report);
        out.removeIf(JsonLines::isRunRecord);
        return out;
    }

    /** The run records of a report, {@code start} and {@code end}, in the order they were written. */
    public static List<Map<String, Object>> runRecords(Path report) {
        List<Map<String, Object>> out = read(report);
        out.removeIf(r -> !isRunRecord(r));
        return out;
    }

    /** A start or end record, not a violation. */
    public static boolean isRunRecord(Map<String, Object> record) {
        return record.containsKey("record");
    }

    public static Map<String, Object> parseObject(String json) {
        return JsonReader.parseObject(json);
    }
}
