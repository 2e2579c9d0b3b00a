package io.github.unsafecheck.maven;

import java.util.Map;

/** The fields of one report record that {@code check} shows. */
final class ReportRecord {
    final String rule;
    final String site;
    final String op;
    final String dst;
    final String value;
    final String dstKind;
    final boolean skipped;

    ReportRecord(String rule, String site, String op, String dst, String value, String dstKind, boolean skipped) {
        this.rule = rule;
        this.site = site;
        this.op = op;
        this.dst = dst;
        this.value = value;
        this.dstKind = dstKind;
        this.skipped = skipped;
    }

    /** From a parsed JSON object; null when it is not a violation (no {@code rule}). */
    static ReportRecord of(Map<String, Object> json) {
        Object rule = json.get("rule");
        if (!(rule instanceof String)) {
            return null;
        }
        return new ReportRecord((String) rule, text(json, "site"), text(json, "op"), text(json, "dst"),
                text(json, "value"), text(json, "dstKind"), Boolean.TRUE.equals(json.get("skipped")));
    }

    private static String text(Map<String, Object> json, String key) {
        Object v = json.get(key);
        return v == null ? null : v.toString();
    }
}
