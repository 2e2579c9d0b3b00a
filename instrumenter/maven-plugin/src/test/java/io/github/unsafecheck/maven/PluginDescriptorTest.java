package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.BuildToolKeys;
import io.github.unsafecheck.runtime.config.Option;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated plugin descriptor, as Maven sees it: every option is a parameter of the option goals with the user
 * property unsafecheck.&lt;key&gt;, and every other unsafecheck.* property is one the runtime knows to ignore (Surefire
 * copies user properties into the test JVMs, where offline-instrumented code reads unsafecheck.* as options).
 */
class PluginDescriptorTest {
    private static final String[] OPTION_GOALS = {"prepare-agent", "instrument", "instrument-dependencies"};

    @Test
    void everyOptionIsAParameterWithItsUserProperty() throws Exception {
        Map<String, Map<String, String>> goals = goals();
        for (String goal : OPTION_GOALS) {
            Map<String, String> params = goals.get(goal);
            for (Option o : Option.values()) {
                assertEquals("${unsafecheck." + o.key() + "}", params.get(o.key()),
                        goal + " lacks the parameter of option '" + o.key() + "' (add it to AbstractOptionsMojo)");
            }
        }
    }

    @Test
    void otherUnsafecheckPropertiesAreBuildToolKeys() throws Exception {
        for (Map.Entry<String, Map<String, String>> goal : goals().entrySet()) {
            for (Map.Entry<String, String> p : goal.getValue().entrySet()) {
                String expr = p.getValue();
                if (expr == null || !expr.startsWith("${unsafecheck.")) {
                    continue;
                }
                String key = expr.substring("${unsafecheck.".length(), expr.length() - 1);
                assertTrue(Option.byKey(key) != null || BuildToolKeys.contains(key),
                        goal.getKey() + ": property unsafecheck." + key + " is neither an option nor in BuildToolKeys");
            }
            assertEquals("${unsafecheck.skip}", goal.getValue().get("skip"), goal.getKey() + " has skip");
        }
    }

    /** Goal → parameter name → expression, from target/classes/META-INF/maven/plugin.xml. */
    private static Map<String, Map<String, String>> goals() throws Exception {
        File descriptor = new File("target/classes/META-INF/maven/plugin.xml");
        assertTrue(descriptor.isFile(), "run the build up to process-classes first: " + descriptor.getAbsolutePath());
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            Map<String, String> params = new LinkedHashMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList names = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int j = 0; j < names.getLength(); j++) {
                String name = ((Element) names.item(j)).getElementsByTagName("name").item(0).getTextContent();
                NodeList conf = configuration == null ? null : configuration.getElementsByTagName(name);
                params.put(name, conf == null || conf.getLength() == 0 ? null : conf.item(0).getTextContent());
            }
            out.put(goal, params);
        }
        return out;
    }
}
