package io.github.unsafecheck.samples.tour;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One forked run of a sample program and what it left behind: output, exit status, report records. */
final class Run {
    private static final Pattern RULE = Pattern.compile("\"rule\":\"([^\"]+)\"");
    private static final Pattern SITE = Pattern.compile("\"site\":\"([^\"]+)\"");

    final int exit;
    /** stdout and stderr merged, in the order the program wrote them. */
    final String output;
    final List<String> records;

    private Run(int exit, String output, List<String> records) {
        this.exit = exit;
        this.output = output;
        this.records = records;
    }

    static Run of(List<String> command, Path report) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        List<String> records = report != null && Files.exists(report) ? Files.readAllLines(report) : new ArrayList<>();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), records);
    }

    boolean crashed() {
        return output.contains("A fatal error has been detected by the Java Runtime Environment");
    }

    static String field(Pattern p, String record) {
        Matcher m = p.matcher(record);
        return m.find() ? m.group(1) : "?";
    }

    String firstRule() {
        return field(RULE, records.get(0));
    }

    String firstSite() {
        return field(SITE, records.get(0));
    }
}
