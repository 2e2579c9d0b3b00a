package io.github.unsafecheck.samples.tour;

import java.util.List;

/** How the tour puts a program's output on the screen: indented, and without what would only repeat itself. */
final class Console {
    static final String BAR = "────────────────────────────────────────────────────────────────────────────";

    private Console() {
    }

    static void heading(String text) {
        System.out.println("━━ " + text + " " + BAR.substring(Math.min(BAR.length(), text.length() + 1)));
    }

    /** A program's output, each line behind a bar. */
    static void show(String text) {
        for (String line : text.strip().split("\\R")) {
            if (!line.isBlank()) {
                System.out.println("    | " + line.replace("\t", "    "));
            }
        }
    }

    /** Rows of equal-width columns; the first row is the header. */
    static void table(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                sb.append(i == row.length - 1 ? row[i] : String.format("%-" + (width[i] + 3) + "s", row[i]));
            }
            System.out.println(sb.toString().stripTrailing());
        }
    }

    /** The output without the uncaught UnsafeWriteError's trace, which repeats the report printed just above it. */
    static String withoutUncaughtError(String output) {
        StringBuilder sb = new StringBuilder();
        boolean trace = false;
        for (String line : output.split("\\R")) {
            if (line.startsWith("Exception in thread ") && line.contains("UnsafeWriteError")) {
                trace = true;
                continue;
            }
            if (trace && (line.startsWith("\tat ") || line.startsWith("\t... "))) {
                continue;
            }
            trace = false;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The program's own lines and the head of HotSpot's crash banner (its problematic frame). */
    static String crashBanner(String output) {
        StringBuilder sb = new StringBuilder();
        boolean frame = false;
        for (String line : output.split("\\R")) {
            if (!line.startsWith("#") && !line.startsWith("[")) {
                sb.append(line).append('\n');
            } else if (line.startsWith("#  SIGSEGV") || line.startsWith("# A fatal error") || frame) {
                sb.append(line).append('\n');
                frame = false;
            } else if (line.startsWith("# Problematic frame")) {
                sb.append(line).append('\n');
                frame = true;
            }
        }
        return sb.toString();
    }
}
