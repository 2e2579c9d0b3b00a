package io.github.unsafecheck.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the classic way to lose the agent silently: a Surefire or Failsafe {@code <argLine>} that replaces the
 * property instead of referring to it ({@code @{argLine}}).
 */
final class ArgLineWiring {
    /** A test plugin configuration that drops the property. */
    static final class Problem {
        /** {@code maven-surefire-plugin} or {@code maven-failsafe-plugin}. */
        final String plugin;
        /** The configured value, without the property. */
        final String argLine;
        /** What prepare-agent warns: where, and what to write instead. */
        final String message;

        Problem(String plugin, String argLine, String message) {
            this.plugin = plugin;
            this.argLine = argLine;
            this.message = message;
        }
    }

    private ArgLineWiring() {
    }

    /** One problem per configuration that drops the property; empty when all is well. */
    static List<Problem> problems(MavenProject project, String propertyName) {
        List<Problem> out = new ArrayList<>();
        for (Plugin p : project.getBuildPlugins()) {
            if (!"org.apache.maven.plugins".equals(p.getGroupId()) || !isTestPlugin(p.getArtifactId())) {
                continue;
            }
            // Maven copies the plugin's configuration into each execution's: name each bad value once.
            Set<String> seen = new HashSet<>();
            check(out, seen, p.getArtifactId(), "", p.getConfiguration(), propertyName);
            for (PluginExecution e : p.getExecutions()) {
                check(out, seen, p.getArtifactId(), " (execution " + e.getId() + ")", e.getConfiguration(),
                        propertyName);
            }
        }
        return out;
    }

    private static boolean isTestPlugin(String artifactId) {
        return TestReports.SUREFIRE.equals(artifactId) || TestReports.FAILSAFE.equals(artifactId);
    }

    private static void check(List<Problem> out, Set<String> seen, String plugin, String where, Object configuration,
            String name) {
        if (!(configuration instanceof Xpp3Dom)) {
            return;
        }
        Xpp3Dom argLine = ((Xpp3Dom) configuration).getChild("argLine");
        if (argLine == null || argLine.getValue() == null || refersTo(argLine.getValue(), name)
                || !seen.add(argLine.getValue())) {
            return;
        }
        out.add(new Problem(plugin, argLine.getValue(), plugin + where + " sets <argLine>" + argLine.getValue()
                + "</argLine> without @{" + name + "}: its test JVMs run without unsafecheck. Write <argLine>@{" + name
                + "} " + argLine.getValue() + "</argLine>."));
    }

    /** Pure: does an argLine value use the property, late ({@code @{}}) or early ({@code ${}})? */
    static boolean refersTo(String argLine, String name) {
        return argLine.contains("@{" + name + "}") || argLine.contains("${" + name + "}");
    }
}
