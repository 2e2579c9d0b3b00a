package io.github.unsafecheck.benchmarks.ratio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every measured iteration as CSV, so that a figure in RESULTS.md can be traced to its raw data. */
final class Samples {
    private Samples() {
    }

    static void write(Path file, List<Outcome> outcomes) throws IOException {
        StringBuilder sb = new StringBuilder("benchmark,variant,round,iteration,score,unit\n");
        for (Outcome o : outcomes) {
            append(sb, o, "without", o.without);
            append(sb, o, "with", o.with);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder sb, Outcome o, String variant, List<double[]> rounds) {
        for (int r = 0; r < rounds.size(); r++) {
            double[] scores = rounds.get(r);
            for (int i = 0; i < scores.length; i++) {
                sb.append(o.c.benchmark()).append(',').append(variant).append(',').append(r + 1).append(',')
                        .append(i + 1).append(',').append(scores[i]).append(',').append(o.unit).append('\n');
            }
        }
    }
}
