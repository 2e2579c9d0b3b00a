package io.github.unsafecheck.benchmarks.ratio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the coverage report the agent wrote at the end of a "with agent" fork, and refuses the figure unless the
 * agent really transformed what the benchmark measures: the measured method's call sites are rewritten, and the
 * transformer was offered the classes loaded. Without this, a benchmark the agent never touched (a filter, a failed
 * transformation, a missing -javaagent) would report a perfect 1.00×.
 */
final class CoverageCheck {
    private static final Pattern SITE = Pattern.compile(
            "\\{\"method\":\"([^\"(]*)\\([^\"]*\",\"line\":-?\\d+,\"target\":\"[^\"]*\",\"rewritten\":(true|false)");
    private static final Pattern OFFERED = Pattern.compile("\"classesOffered\":(\\d+)");
    private static final Pattern WITH_SITES = Pattern.compile("\"classesWithSites\":(\\d+)");
    private static final Pattern REWRITTEN = Pattern.compile("\"sitesRewritten\":(\\d+)");

    private CoverageCheck() {
    }

    /** Returns a one-line summary of the report; throws when the report does not back the figure. */
    static String verify(Path report, Case c) throws IOException {
        if (!Files.isRegularFile(report)) {
            throw new IllegalStateException("the agent wrote no coverage report (" + report + "): was it loaded?");
        }
        List<String> lines = Files.readAllLines(report);
        String summary = lines.stream().filter(l -> l.startsWith("{\"summary\"")).reduce((a, b) -> b).orElseThrow(
                () -> new IllegalStateException("no summary line in " + report));
        long offered = number(OFFERED, summary);
        if (offered < c.minimumOffered()) {
            throw new IllegalStateException("the transformer saw " + offered + " classes, fewer than "
                    + c.minimumOffered() + ": " + report);
        }
        if (c.rewrittenClass() != null) {
            // In the benchmark's own class, the measured method's sites; in a library's class, any of its sites.
            String method = c.rewrittenClass().equals(c.benchmarkClass())
                    ? c.benchmark().substring(c.benchmark().lastIndexOf('.') + 1) : null;
            int rewritten = rewrittenSites(lines, c.rewrittenClass(), method);
            if (rewritten == 0) {
                throw new IllegalStateException("no rewritten Unsafe call site in " + c.rewrittenClass()
                        + (method == null ? "" : "." + method) + " according to " + report
                        + ": the figure would not measure the checker");
            }
        }
        return offered + " classes offered, " + number(WITH_SITES, summary) + " with Unsafe call sites, "
                + number(REWRITTEN, summary) + " sites rewritten";
    }

    /** Rewritten sites of {@code className}, in {@code method} (null: in any method). */
    private static int rewrittenSites(List<String> lines, String className, String method) {
        String classField = "\"class\":\"" + className + "\"";
        int n = 0;
        for (String line : lines) {
            if (!line.contains(classField)) {
                continue;
            }
            Matcher m = SITE.matcher(line);
            while (m.find()) {
                if ((method == null || m.group(1).equals(method)) && m.group(2).equals("true")) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long number(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
