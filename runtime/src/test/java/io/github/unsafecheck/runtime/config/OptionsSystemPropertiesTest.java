package io.github.unsafecheck.runtime.config;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What offline-instrumented code sees: options from unsafecheck.* system properties, build-tool keys among them. */
class OptionsSystemPropertiesTest {
    @Test
    void buildToolKeysAreNotOptionsAndAreIgnored() {
        Properties p = new Properties();
        p.setProperty("unsafecheck.skip", "false");
        p.setProperty("unsafecheck.failOnRules", "heap-pointer");
        p.setProperty("unsafecheck.mode", "report");
        Options o = Options.parse(null, p);
        assertEquals(Mode.REPORT, o.mode());
        for (String key : BuildToolKeys.all()) {
            assertEquals(null, Option.byKey(key), key + " is a build-tool key and must never become an option");
        }
    }

    @Test
    void aMistypedOptionStillStops() {
        Properties p = new Properties();
        p.setProperty("unsafecheck.mdoe", "report");
        OptionException e = assertThrows(OptionException.class, () -> Options.parse(null, p));
        assertTrue(e.getMessage().contains("unknown option 'mdoe' (system property unsafecheck.mdoe)"), e.getMessage());
    }
}
