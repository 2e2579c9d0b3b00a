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
    private static final String[] TEST_PLUGINS = {"maven-surefire-plugin", "maven-failsafe-plugin"};

    private ArgLineWiring() {
    }

    /** One message per configuration that drops the property; empty when all is well. */
    static List<String> problems(MavenProject project, String propertyName) {
        List<String> out = new ArrayList<>();
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
        for (String t : TEST_PLUGINS) {
            if (t.equals(artifactId)) {
                return true;
            }
        }
        return false;
    }

    private static void check(List<String> out, Set<String> seen, String plugin, String where, Object configuration,
            String name) {
        if (!(configuration instanceof Xpp3Dom)) {
            return;
        }
        Xpp3Dom argLine = ((Xpp3Dom) configuration).getChild("argLine");
        if (argLine == null || argLine.getValue() == null || refersTo(argLine.getValue(), name)
                || !seen.add(argLine.getValue())) {
            return;
        }
        out.add(plugin + where + " sets <argLine>" + argLine.getValue() + "</argLine> without @{" + name
                + "}: its test JVMs run without unsafecheck. Write <argLine>@{" + name + "} "
                + argLine.getValue() + "</argLine>.");
    }

    /** Pure: does an argLine value use the property, late ({@code @{}}) or early ({@code ${}})? */
    static boolean refersTo(String argLine, String name) {
        return argLine.contains("@{" + name + "}") || argLine.contains("${" + name + "}");
    }
}
