package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.report.JsonReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a JSON-lines report; every problem is an {@link IOException} whose message names the file (and line). */
final class ReportFile {
    private ReportFile() {
    }

    static List<ReportRecord> read(Path file) throws IOException {
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
            throw new IOException("unsafecheck: cannot read the report " + file + ": " + e, e);
        }
        List<ReportRecord> out = new ArrayList<>();
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
            ReportRecord r = ReportRecord.of(json);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
