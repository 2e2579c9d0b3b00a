package io.github.unsafecheck.samples.cases;

import io.github.unsafecheck.runtime.config.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the case table, read from the program's source: the lines the checker must report, each with its rule
 * ({@code // expect: overflow} at the end of the line), or that it must report nothing ({@code expect: none} in the
 * class comment); and the agent options the case needs ({@code // options: key=value,key=value} on a line of its
 * own), on top of the table's own, the strictest.
 */
final class CaseSource {
    /** Every case runs with every rule and strict on: a good case must stay silent even so. */
    static final String TABLE_OPTIONS = "strict=true,rules=all";

    private static final Pattern MARK = Pattern.compile("//\\s*expect:\\s*([a-z][a-z-]*)");
    private static final Pattern NONE = Pattern.compile("\\bexpect:\\s*none\\b");
    private static final Pattern OPTIONS = Pattern.compile("^\\s*//\\s*options:\\s*(\\S.*?)\\s*$");
    /** Set by the harness for every run. */
    private static final List<String> HARNESS_KEYS = List.of("mode", "report");

    final String className;
    final String fileName;
    final int minimumJdk;
    /** Line number → the rule expected there; empty for a case that expects nothing. */
    final SortedMap<Integer, String> marks;
    /** The case's own options, in the order it gives them. */
    final Map<String, String> options;

    private CaseSource(String className, String fileName, int minimumJdk, SortedMap<Integer, String> marks,
            Map<String, String> options) {
        this.className = className;
        this.fileName = fileName;
        this.minimumJdk = minimumJdk;
        this.marks = Collections.unmodifiableSortedMap(marks);
        this.options = Collections.unmodifiableMap(options);
    }

    /**
     * Reads the marks and options of a case. A source that declares neither marks nor {@code expect: none}, or both,
     * or marks a rule that does not exist, or sets an option the harness sets, is an error: a case must say exactly
     * what it expects.
     */
    static CaseSource parse(String className, String fileName, int minimumJdk, List<String> lines) {
        SortedMap<Integer, String> marks = new TreeMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean none = false;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = fileName + ":" + (i + 1);
            if (NONE.matcher(line).find()) {
                none = true;
                continue;
            }
            Matcher m = MARK.matcher(line);
            if (m.find()) {
                Rule rule = Rule.byId(m.group(1));
                if (rule == null || !rule.id().equals(m.group(1))) {
                    errors.add(where + ": '" + m.group(1) + "' is not a rule id");
                } else {
                    marks.put(i + 1, rule.id());
                }
            }
            Matcher o = OPTIONS.matcher(line);
            if (o.matches()) {
                readOptions(o.group(1), where, options, errors);
            }
        }
        if (none && !marks.isEmpty()) {
            errors.add(fileName + ": says 'expect: none' and also marks lines " + marks.keySet());
        } else if (!none && marks.isEmpty()) {
            errors.add(fileName + ": declares no expectation; mark the lines the checker must report"
                    + " ('// expect: <rule>') or say 'expect: none' in the class comment");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return new CaseSource(className, fileName, minimumJdk, marks, options);
    }

    private static void readOptions(String list, String where, Map<String, String> into, List<String> errors) {
        for (String entry : list.split(",")) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry.trim() : entry.substring(0, eq).trim();
            if (eq < 0) {
                errors.add(where + ": option '" + key + "' has no value");
            } else if (HARNESS_KEYS.contains(key)) {
                errors.add(where + ": option '" + key + "' is the harness's to set");
            } else {
                into.put(key, entry.substring(eq + 1).trim());
            }
        }
    }

    boolean expectsNothing() {
        return marks.isEmpty();
    }

    /** The agent options of a run: the table's, the case's over them, then the mode and the report file. */
    String agentOptions(String mode, String report) {
        Map<String, String> all = new LinkedHashMap<>();
        readOptions(TABLE_OPTIONS, "the table's options", all, new ArrayList<>());
        all.putAll(options);
        all.put("mode", mode);
        all.put("report", report);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : all.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return simpleName() + (marks.isEmpty() ? " (expect: none)" : " " + marks);
    }
}
