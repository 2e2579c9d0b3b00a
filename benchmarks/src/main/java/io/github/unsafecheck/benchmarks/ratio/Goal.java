package io.github.unsafecheck.benchmarks.ratio;

import java.util.Locale;

/**
 * What a case must stay under: a ratio with/without (per-operation costs, class loading) or an absolute number of
 * milliseconds added (start-up, where a fixed cost is what users notice). An optional looser limit is the goal of an
 * earlier issue, so a miss still says whether that one holds.
 */
final class Goal {
    enum Kind { RATIO, EXTRA_MS, REFERENCE }

    private final Kind kind;
    private final double limit;
    private final String issue;
    private final double looserLimit;
    private final String looserIssue;

    private Goal(Kind kind, double limit, String issue, double looserLimit, String looserIssue) {
        this.kind = kind;
        this.limit = limit;
        this.issue = issue;
        this.looserLimit = looserLimit;
        this.looserIssue = looserIssue;
    }

    static Goal ratio(double limit, String issue) {
        return new Goal(Kind.RATIO, limit, issue, Double.NaN, null);
    }

    /** No goal: a row that only frames the others (the empty agent's start-up). */
    static Goal reference(String why) {
        return new Goal(Kind.REFERENCE, Double.NaN, why, Double.NaN, null);
    }

    static Goal extraMillis(double limit, String issue, double looserLimit, String looserIssue) {
        return new Goal(Kind.EXTRA_MS, limit, issue, looserLimit, looserIssue);
    }

    /** The figure the goal is about: the ratio, or with − without in milliseconds. */
    double figure(double without, double with, double millisPerUnit) {
        return kind == Kind.RATIO ? with / without : (with - without) * millisPerUnit;
    }

    boolean inMillis() {
        return kind == Kind.EXTRA_MS;
    }

    String describe() {
        if (kind == Kind.REFERENCE) {
            return "(" + issue + ")";
        }
        String main = kind == Kind.RATIO ? String.format(Locale.ROOT, "<= %.2fx", limit)
                : String.format(Locale.ROOT, "<= +%.0f ms", limit);
        String looser = looserIssue == null ? "" : String.format(Locale.ROOT, " (%s: +%.0f)", looserIssue, looserLimit);
        return main + " " + issue + looser;
    }

    String verdict(double figure) {
        if (kind == Kind.REFERENCE) {
            return "reference";
        }
        if (figure <= limit) {
            return "pass";
        }
        if (looserIssue != null && figure <= looserLimit) {
            return "miss (" + looserIssue + " goal met)";
        }
        return "MISS";
    }
}
