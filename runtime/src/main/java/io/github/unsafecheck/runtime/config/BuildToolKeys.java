package io.github.unsafecheck.runtime.config;

import java.util.Set;

/**
 * Keys under {@code unsafecheck.*} that name a build tool's own parameters (the Maven plugin's {@code skip},
 * {@code propertyName}, …), not checker options. Surefire and Failsafe copy Maven's user properties
 * ({@code mvn -Dunsafecheck.skip=true}) into the forked test JVM as system properties, where offline-instrumented code
 * reads its options: without this list the runtime would stop that JVM on an "unknown option". Every other unknown
 * {@code unsafecheck.*} property still stops it, so a mistyped option is never silently ignored.
 */
public final class BuildToolKeys {
    private static final Set<String> KEYS = Set.of("skip", "propertyName", "append", "failOnRules", "haltOnFailure",
            "failIfUnchecked");

    private BuildToolKeys() {
    }

    public static boolean contains(String key) {
        return KEYS.contains(key);
    }

    /** The keys, for tools that check their own parameters against this list. */
    public static Set<String> all() {
        return KEYS;
    }
}
