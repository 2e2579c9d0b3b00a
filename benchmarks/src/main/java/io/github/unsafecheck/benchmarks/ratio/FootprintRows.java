package io.github.unsafecheck.benchmarks.ratio;

import io.github.unsafecheck.benchmarks.footprint.MetadataFootprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory rows: bytes of the checker's heap metadata per live native allocation, with and without allocation
 * stacks (issue 7's goal: 64 bytes per allocation plus stacks). Not a JMH figure — JMH scores are times — but the
 * same discipline: a real JVM with the real agent ({@link MetadataFootprint}), which must report that the checker
 * tracks every allocation it made, or the row is an error.
 */
final class FootprintRows {
    static final double GOAL_BYTES = 64;
    private static final Pattern LINE = Pattern.compile("bytes-per-allocation=([0-9.]+) tracked=(-?\\d+)");

    private FootprintRows() {
    }

    /** A row: its label and the agent options of its runs. */
    private record Row(String name, String agentOptions, boolean hasGoal) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("metadata per live allocation, stacks=false", "stacks=false", true),
            new Row("metadata per live allocation (default: with stacks)", "", false));

    /** Runs the selected rows and returns their Markdown table, or "" when none is selected. */
    static String run(RunnerOptions opts) {
        StringBuilder table = new StringBuilder();
        int allocations = opts.full ? 200_000 : 100_000;
        int runs = opts.full ? 3 : 1;
        for (Row row : ROWS) {
            if (!opts.selects(row.name())) {
                continue;
            }
            System.out.println("== " + row.name() + " (" + runs + " runs of " + allocations + " allocations)");
            String figure;
            String verdict;
            try {
                double min = Double.MAX_VALUE;
                double max = 0;
                for (int i = 0; i < runs; i++) {
                    double bytes = measure(opts, row.agentOptions(), allocations);
                    System.out.printf(Locale.ROOT, "   run %d: %.1f bytes per allocation%n", i + 1, bytes);
                    min = Math.min(min, bytes);
                    max = Math.max(max, bytes);
                }
                figure = String.format(Locale.ROOT, "%.0f bytes (%.0f–%.0f)", (min + max) / 2, min, max);
                verdict = !row.hasGoal() ? "reference" : max <= GOAL_BYTES ? "pass" : "MISS";
            } catch (IOException | InterruptedException | RuntimeException e) {
                figure = "–";
                verdict = "ERROR: " + e.getMessage();
            }
            table.append("| ").append(row.name()).append(" | ").append(allocations).append(" × 64 bytes | ")
                    .append(figure).append(" | ")
                    .append(row.hasGoal() ? String.format(Locale.ROOT, "<= %.0f bytes issue 7", GOAL_BYTES)
                            : "(64 bytes plus stacks, issue 7)")
                    .append(" | ").append(verdict).append(" |\n");
        }
        if (table.length() == 0) {
            return "";
        }
        return "| memory | live allocations | checker heap per allocation (runs min–max) | goal | verdict |\n"
                + "|---|---|---|---|---|\n" + table;
    }

    private static double measure(RunnerOptions opts, String agentOptions, int allocations)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(opts.jdk.resolve("bin/java").toString());
        if (opts.jdkFeature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // the probe's own Unsafe calls, without a warning
        }
        command.add("-Xmx1g");
        command.add("-javaagent:" + opts.agent + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        command.add("-cp");
        command.add(opts.benchmarksJar.toString());
        command.add(MetadataFootprint.class.getName());
        command.add(Integer.toString(allocations));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Matcher m = LINE.matcher(out);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("the footprint probe failed (exit " + exit + "): " + out.trim());
        }
        int tracked = Integer.parseInt(m.group(2));
        if (tracked < allocations) {
            throw new IllegalStateException("the checker tracked " + tracked + " of " + allocations
                    + " allocations: the figure would not measure it");
        }
        return Double.parseDouble(m.group(1));
    }
}
