package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.report.Json;
import io.github.unsafecheck.runtime.report.JsonLinesFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects what the instrumenter did, class by class, from any number of class-loading threads at once, and writes
 * it as the coverage report: one JSON object per class that has relevant call sites or could not be transformed,
 * then one summary object.
 */
public final class CoverageRecorder {
    private final Map<String, ClassCoverage> classes = new ConcurrentHashMap<>();
    private final AtomicLong seen = new AtomicLong();

    /** Counts a class the instrumenter was offered (whether or not it had anything to rewrite). */
    public void offered() {
        seen.incrementAndGet();
    }

    public void record(String loaderName, ClassCoverage coverage) {
        if (coverage != null) {
            classes.put(loaderName + "/" + coverage.className(), coverage);
        }
    }

    public List<ClassCoverage> classes() {
        return new ArrayList<>(classes.values());
    }

    public long classesOffered() {
        return seen.get();
    }

    public long rewritten() {
        long n = 0;
        for (ClassCoverage c : classes.values()) {
            n += c.rewrittenCount();
        }
        return n;
    }

    /** Classes with at least one call site rewritten. */
    public long classesRewritten() {
        long n = 0;
        for (ClassCoverage c : classes.values()) {
            if (c.rewrittenCount() > 0) {
                n++;
            }
        }
        return n;
    }

    public long skipped() {
        long n = 0;
        for (ClassCoverage c : classes.values()) {
            n += c.skippedCount();
        }
        return n;
    }

    /** Writes every class entry and the summary to the file. */
    public void writeTo(JsonLinesFile file) {
        long failed = 0;
        for (Map.Entry<String, ClassCoverage> e : new LinkedHashMap<>(classes).entrySet()) {
            ClassCoverage c = e.getValue();
            if (c.failure() != null) {
                failed++;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", c.className());
            m.put("loader", e.getKey().substring(0, e.getKey().length() - c.className().length() - 1));
            m.put("rewritten", c.rewrittenCount());
            m.put("skipped", c.skippedCount());
            m.put("failure", c.failure());
            List<Object> sites = new ArrayList<>();
            for (CallSite s : c.sites()) {
                Map<String, Object> site = new LinkedHashMap<>();
                site.put("method", s.method());
                site.put("line", s.line());
                site.put("target", s.target());
                site.put("rewritten", s.rewritten());
                site.put("reason", s.skipReason());
                sites.add(site);
            }
            m.put("sites", sites);
            file.append(json(m));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("classesOffered", classesOffered());
        summary.put("classesWithSites", classes.size());
        summary.put("sitesRewritten", rewritten());
        summary.put("sitesSkipped", skipped());
        summary.put("classesFailed", failed);
        summary.put("note", "hidden classes (lambda proxies, Lookup.defineHiddenClass) never reach a class-file"
                + " transformer, and calls through reflection or MethodHandles have no call site: neither is listed");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("summary", summary);
        file.append(json(line));
    }

    private static String json(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        Json.object(sb, m);
        return sb.toString();
    }
}
