package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.report.FileErrors;
import io.github.unsafecheck.runtime.report.JsonReader;
import io.github.unsafecheck.runtime.report.RunRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON-lines report: its violations, and the run records each JVM writes when the checker starts and at
 * exit ({@code "record": "start"} / {@code "end"}). Every problem is an {@link IOException} whose message names the
 * file (and line).
 */
final class ReportFile {
    /** What one report holds. */
    static final class Contents {
        final List<ReportRecord> violations = new ArrayList<>();
        final List<Map<String, Object>> runRecords = new ArrayList<>();

        void add(Contents other) {
            violations.addAll(other.violations);
            runRecords.addAll(other.runRecords);
        }
    }

    private ReportFile() {
    }

    static Contents read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("unsafecheck: the report " + file + " is a directory, not a JSON-lines file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("unsafecheck: cannot read the report " + file + " (no permission)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("unsafecheck: cannot read the report " + file + ": " + FileErrors.describe(e), e);
        }
        Contents out = new Contents();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> json;
            try {
                json = JsonReader.parseObject(line);
            } catch (IllegalArgumentException e) {
                throw new IOException("unsafecheck: " + file + ":" + (i + 1) + " is not a report record: "
                        + e.getMessage(), e);
            }
            if (json.containsKey(RunRecord.FIELD)) {
                out.runRecords.add(json);
                continue;
            }
            ReportRecord r = ReportRecord.of(json);
            if (r != null) {
                out.violations.add(r);
            }
        }
        return out;
    }
}
