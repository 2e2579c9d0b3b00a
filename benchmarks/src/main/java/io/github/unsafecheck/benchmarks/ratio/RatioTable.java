package io.github.unsafecheck.benchmarks.ratio;

import java.util.List;
import java.util.Locale;

/** Formats the outcomes as a Markdown table: the form RESULTS.md records and the terminal shows. */
final class RatioTable {
    private RatioTable() {
    }

    static String render(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | without agent | with agent | ratio (rounds min–max), added | goal | verdict |\n");
        sb.append("|---|---:|---:|---|---|---|\n");
        for (Outcome o : outcomes) {
            sb.append("| ").append(o.c.name()).append(" | ");
            if (!o.complete()) {
                sb.append("– | – | – | ").append(o.c.goal().describe()).append(" | ERROR: ")
                        .append(o.error == null ? "incomplete" : o.error.replace('|', '/').replace('\n', ' '))
                        .append(" |\n");
                continue;
            }
            double without = o.meanWithout();
            double with = o.meanWith();
            double[] range = o.roundRatioRange();
            double figure = o.c.goal().figure(without, with, o.millisPerUnit());
            sb.append(value(without, o.unit)).append(" | ").append(value(with, o.unit)).append(" | ");
            sb.append(String.format(Locale.ROOT, "%.3fx (%.2f–%.2f)", o.ratio(), range[0], range[1]));
            // The absolute cost beside the ratio: a ratio alone hides whether 2x means 0.2 ns or 20 ns per store.
            if (o.c.goal().inMillis()) {
                sb.append(String.format(Locale.ROOT, ", %+.0f ms", figure));
            } else {
                sb.append(", ").append(value(with - without, o.unit).replaceFirst("^(?=[0-9])", "+"));
            }
            sb.append(" | ").append(o.c.goal().describe()).append(" | ").append(o.c.goal().verdict(figure))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String value(double v, String unit) {
        double size = Math.abs(v);
        String f = size >= 100 ? "%.0f %s" : size >= 10 ? "%.1f %s" : "%.3f %s";
        return String.format(Locale.ROOT, f, v, unit);
    }
}
