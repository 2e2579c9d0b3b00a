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
    /** One line of the JSON-lines report, the fields the tour tells. */
    static final class Record {
        private static final Pattern RULE = Pattern.compile("\"rule\":\"([^\"]+)\"");
        private static final Pattern SITE = Pattern.compile("\"site\":\"([^\"]+)\"");
        private static final Pattern OP = Pattern.compile("\"op\":\"([^\"]+)\"");

        final String rule;
        final String site;
        final String op;

        Record(String json) {
            rule = field(RULE, json);
            site = field(SITE, json);
            op = field(OP, json);
        }

        private static String field(Pattern p, String json) {
            Matcher m = p.matcher(json);
            return m.find() ? m.group(1) : "?";
        }
    }

    /** glibc's abort(): SIGABRT, 128 + 6. */
    static final int SIGABRT_EXIT = 134;

    final int exit;
    /** stdout and stderr merged, in the order the program wrote them. */
    final String output;
    final List<Record> records;

    private Run(int exit, String output, List<Record> records) {
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
        List<Record> records = new ArrayList<>();
        if (report != null && Files.exists(report)) {
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                if (!line.startsWith("{\"record\":")) { // the JVM's start and end records: not violations
                    records.add(new Record(line));
                }
            }
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), records);
    }

    boolean crashed() {
        return output.contains("A fatal error has been detected by the Java Runtime Environment");
    }

    boolean aborted() {
        return exit == SIGABRT_EXIT;
    }
}
