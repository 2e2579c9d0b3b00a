package io.github.unsafecheck.maven;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strings the goals put into argLine, and the names they read from paths. */
class ArgumentsTest {
    @Test
    void oursGoFirstAndTheUsersStay() {
        assertEquals("-javaagent:a.jar", TestJvmProperty.combine("-javaagent:a.jar", null));
        assertEquals("-javaagent:a.jar", TestJvmProperty.combine("-javaagent:a.jar", "  "));
        assertEquals("-javaagent:a.jar -Xmx1g", TestJvmProperty.combine("-javaagent:a.jar", "-Xmx1g"));
        assertEquals("-javaagent:a.jar -Xmx1g", TestJvmProperty.combine("-javaagent:a.jar", "-javaagent:a.jar -Xmx1g"),
                "a goal run twice adds nothing");
    }

    @Test
    void argumentsWithBlanksAreQuotedForSurefire() {
        assertEquals("-Dunsafecheck.mode=report", JvmArguments.quote("-Dunsafecheck.mode=report"));
        assertEquals("\"-javaagent:/my dir/a.jar=report=/x y\"", JvmArguments.quote("-javaagent:/my dir/a.jar=report=/x y"));
        assertEquals("\"-Da=\\\"b c\\\"\"", JvmArguments.quote("-Da=\"b c\""));
    }

    @Test
    void javaagentAndSystemProperties() {
        File jar = new File("/r/unsafecheck-agent.jar");
        assertEquals("-javaagent:" + jar.getAbsolutePath(), JvmArguments.javaagent(jar, ""));
        assertEquals("-javaagent:" + jar.getAbsolutePath() + "=mode=count", JvmArguments.javaagent(jar, "mode=count"));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", "report");
        options.put("include", "com.example.*");
        assertEquals("-Dunsafecheck.mode=report -Dunsafecheck.include=com.example.*",
                JvmArguments.systemProperties(options));
    }

    @Test
    void argLineReferences() {
        assertTrue(ArgLineWiring.refersTo("@{argLine} -Xmx1g", "argLine"));
        assertTrue(ArgLineWiring.refersTo("${argLine}", "argLine"));
        assertFalse(ArgLineWiring.refersTo("-Xmx1g", "argLine"));
        assertFalse(ArgLineWiring.refersTo("@{argLine}", "myArgs"));
    }

    @Test
    void classNamesOfEntries() {
        assertEquals("a.b.C$D", ClassNames.ofEntry("a/b/C$D.class"));
        assertEquals("a.B", ClassNames.ofEntry("META-INF/versions/21/a/B.class"));
        assertNull(ClassNames.ofEntry("module-info.class"));
        assertNull(ClassNames.ofEntry("META-INF/versions/9/module-info.class"));
        assertNull(ClassNames.ofEntry("a/package-info.class"));
        assertNull(ClassNames.ofEntry("a/b.txt"));
    }
}
