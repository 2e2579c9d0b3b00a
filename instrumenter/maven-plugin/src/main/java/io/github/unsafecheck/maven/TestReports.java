package io.github.unsafecheck.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Surefire and Failsafe say they ran in this build: the tests counted in the {@code TEST-*.xml} files of their
 * reports directories written since the build started. The evidence that test JVMs ran, whether or not they ran under
 * the checker.
 */
final class TestReports {
    static final String SUREFIRE = "maven-surefire-plugin";
    static final String FAILSAFE = "maven-failsafe-plugin";
    private static final Pattern TESTS = Pattern.compile("<testsuite\\b[^>]*?\\btests=\"(\\d+)\"");

    private TestReports() {
    }

    /** Plugin artifactId → tests its reports count since {@code since}; plugins that ran none are left out. */
    static Map<String, Integer> testsRun(MavenProject project, long since) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String plugin : new String[] {SUREFIRE, FAILSAFE}) {
            int n = testsIn(reportsDirectory(project, plugin), since);
            if (n > 0) {
                out.put(plugin, n);
            }
        }
        return out;
    }

    /** The plugin's {@code reportsDirectory}, as configured or by default. */
    static File reportsDirectory(MavenProject project, String plugin) {
        Plugin p = project.getPlugin("org.apache.maven.plugins:" + plugin);
        if (p != null && p.getConfiguration() instanceof Xpp3Dom) {
            Xpp3Dom dir = ((Xpp3Dom) p.getConfiguration()).getChild("reportsDirectory");
            if (dir != null && dir.getValue() != null && !dir.getValue().contains("${")) {
                File f = new File(dir.getValue());
                return f.isAbsolute() ? f : new File(project.getBasedir(), dir.getValue());
            }
        }
        String name = plugin.equals(SUREFIRE) ? "surefire-reports" : "failsafe-reports";
        return new File(project.getBuild().getDirectory(), name);
    }

    /** Tests counted by the {@code TEST-*.xml} files of {@code dir} modified since {@code since}. */
    static int testsIn(File dir, long since) {
        File[] files = dir.listFiles((d, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
        int n = 0;
        if (files == null) {
            return 0;
        }
        for (File f : files) {
            if (f.lastModified() < since) {
                continue;
            }
            try {
                String head = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
                Matcher m = TESTS.matcher(head);
                if (m.find()) {
                    n += Integer.parseInt(m.group(1));
                }
            } catch (IOException | NumberFormatException e) {
                // an unreadable report is no evidence either way
            }
        }
        return n;
    }
}
