package io.github.unsafecheck.benchmarks.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measurements of one case: per variant and round, the scores of the measured iterations (JMH's primary result,
 * time per operation). The ratio is computed only from these, all from the same invocation of the runner.
 */
final class Outcome {
    final Case c;
    final List<double[]> without = new ArrayList<>();
    final List<double[]> with = new ArrayList<>();
    String unit = "";
    String coverage = "";
    String error;

    Outcome(Case c) {
        this.c = c;
    }

    double meanWithout() {
        return mean(without);
    }

    double meanWith() {
        return mean(with);
    }

    double ratio() {
        return meanWith() / meanWithout();
    }

    /** The lowest and highest with/without ratio of one round's two forks: how far a single pair can be off. */
    double[] roundRatioRange() {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < Math.min(without.size(), with.size()); i++) {
            double r = mean(with.get(i)) / mean(without.get(i));
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        return new double[] {lo, hi};
    }

    /** Milliseconds per unit of the score ("ns/op" → 1e-6), for goals stated in milliseconds. */
    double millisPerUnit() {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("ns")) {
            return 1e-6;
        }
        if (u.startsWith("us")) {
            return 1e-3;
        }
        if (u.startsWith("ms")) {
            return 1;
        }
        if (u.startsWith("s")) {
            return 1000;
        }
        throw new IllegalStateException("unexpected unit " + unit);
    }

    boolean complete() {
        return error == null && !without.isEmpty() && without.size() == with.size();
    }

    private static double mean(List<double[]> rounds) {
        double sum = 0;
        int n = 0;
        for (double[] r : rounds) {
            for (double v : r) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
