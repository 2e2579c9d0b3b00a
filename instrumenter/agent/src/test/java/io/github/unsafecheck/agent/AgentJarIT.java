package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built agent jar: its manifest, its relocated dependencies (the instrumenter included), its nested runtime. */
class AgentJarIT {
    @Test
    void manifestDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(BuiltArtifacts.agentJar().toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertEquals("io.github.unsafecheck.agent.AgentMain", a.getValue("Premain-Class"));
            assertEquals("io.github.unsafecheck.agent.AgentMain", a.getValue("Agent-Class"));
            assertEquals("io.github.unsafecheck.agent.AgentMain", a.getValue("Main-Class"));
            assertEquals("true", a.getValue("Can-Retransform-Classes"));
            assertEquals("true", a.getValue("Can-Redefine-Classes"));
            assertNotNull(a.getValue("Implementation-Version"));
        }
    }

    @Test
    void onlyRelocatedDependenciesAndOwnClasses() throws IOException {
        List<String> foreign = new ArrayList<>();
        int shadedAsm = 0;
        int shadedByteBuddy = 0;
        int shadedInstrumenter = 0;
        try (JarFile jar = new JarFile(BuiltArtifacts.agentJar().toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                String n = e.getName();
                if (n.startsWith("io/github/unsafecheck/agent/shaded/asm/")) {
                    shadedAsm++;
                } else if (n.startsWith("io/github/unsafecheck/agent/shaded/bytebuddy/")) {
                    shadedByteBuddy++;
                } else if (n.startsWith("io/github/unsafecheck/agent/shaded/instrumenter/")) {
                    shadedInstrumenter++;
                } else if (n.endsWith(".class") && !n.startsWith("io/github/unsafecheck/agent/")) {
                    foreign.add(n);
                }
                assertTrue(!n.startsWith("io/github/unsafecheck/runtime/"),
                        "runtime classes must only travel in the nested jar: " + n);
            }
        }
        assertEquals(List.of(), foreign, "unrelocated classes in the agent jar");
        assertTrue(shadedAsm > 20, "relocated ASM present");
        assertTrue(shadedByteBuddy > 100, "relocated Byte Buddy present");
        assertTrue(shadedInstrumenter > 5, "relocated instrumenter present");
    }

    @Test
    void asmAndByteBuddyAreNotLoadableUnderTheirOwnNames() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {BuiltArtifacts.agentJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.objectweb.asm.ClassReader"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("net.bytebuddy.ByteBuddy"));
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("io.github.unsafecheck.instrumenter.ClassInstrumenter"));
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("io.github.unsafecheck.runtime.hook.UnsafeHooks"));
            assertNotNull(assertDoesNotThrow(loader, "io.github.unsafecheck.agent.shaded.asm.ClassReader"));
        }
    }

    private static Class<?> assertDoesNotThrow(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " missing", e);
        }
    }

    @Test
    void nestedRuntimeHoldsTheHooks() throws IOException {
        try (JarFile jar = new JarFile(BuiltArtifacts.agentJar().toFile())) {
            JarEntry nested = jar.getJarEntry("io/github/unsafecheck/agent/unsafecheck-runtime.jar");
            assertNotNull(nested, "nested runtime jar");
            List<String> names = new ArrayList<>();
            try (JarInputStream in = new JarInputStream(jar.getInputStream(nested))) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
            assertTrue(names.contains("io/github/unsafecheck/runtime/hook/UnsafeHooks.class"), names::toString);
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/") || n.startsWith("net/")), names::toString);
        }
    }
}
