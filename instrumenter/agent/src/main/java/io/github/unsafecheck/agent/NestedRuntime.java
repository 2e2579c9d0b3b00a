package io.github.unsafecheck.agent;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The runtime travels inside the agent jar as a nested jar, and must be loaded by the bootstrap loader: then classes
 * of every class loader — isolated plugin loaders and the JDK's own classes included — can call the hooks, and
 * exactly one copy of the checker's state exists.
 *
 * <p>Its classes are defined straight into the bootstrap loader ({@code jdk.internal.misc.Unsafe.defineClass} with a
 * null loader, called directly by {@link BootstrapDefiner} after exporting that package to the agent, which agents
 * may do). Appending a jar to the bootstrap
 * search path would do the same but costs more: HotSpot then prints "Sharing is only supported for boot loader
 * classes because bootstrap classpath has been appended" on every run and turns class-data sharing off for the
 * application's classes. Appending stays as the fallback for a JDK without that method.
 */
final class NestedRuntime {
    static final String RESOURCE = "unsafecheck-runtime.jar";

    private NestedRuntime() {
    }

    /** The runtime's class files, by internal name. */
    static Map<String, byte[]> classFiles() throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in = NestedRuntime.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the agent jar");
            }
            try (JarInputStream jar = new JarInputStream(in)) {
                for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                    String n = e.getName();
                    if (n.endsWith(".class") && !n.endsWith("module-info.class")) {
                        out.put(n.substring(0, n.length() - ".class".length()), jar.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /** Defines every runtime class in the bootstrap loader; falls back to appending the jar to its search path. */
    static void loadIntoBootstrap(Instrumentation inst) throws IOException {
        Map<String, byte[]> classes = classFiles();
        if (!exportInternalMisc(inst)) {
            BootstrapJar.append(inst);
            return;
        }
        // The MemorySegment hooks are JDK 22 bytecode: a JDK 17 cannot define them, and no code there calls them.
        int newest = Runtime.version().feature() + 44;
        classes.values().removeIf(b -> ((b[6] & 0xFF) << 8 | (b[7] & 0xFF)) > newest);
        Set<String> done = new HashSet<>();
        for (String name : sortedNames(classes)) {
            defineWithSupertypes(name, classes, done);
        }
    }

    private static List<String> sortedNames(Map<String, byte[]> classes) {
        List<String> names = new ArrayList<>(classes.keySet());
        Collections.sort(names);
        return names;
    }

    /** Supertypes first: defining a class resolves its superclass and interfaces right away. */
    private static void defineWithSupertypes(String name, Map<String, byte[]> classes, Set<String> done)
            throws IOException {
        if (!done.add(name)) {
            return;
        }
        byte[] bytes = classes.get(name);
        ClassReader reader = new ClassReader(bytes);
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        Collections.addAll(supertypes, reader.getInterfaces());
        for (String s : supertypes) {
            if (classes.containsKey(s)) {
                defineWithSupertypes(s, classes, done);
            }
        }
        try {
            BootstrapDefiner.define(name.replace('/', '.'), bytes);
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("cannot define " + name + " in the bootstrap loader: " + e, e);
        }
    }

    /** Exports {@code jdk.internal.misc} to the agent's module, so that {@link BootstrapDefiner} links; false if not. */
    private static boolean exportInternalMisc(Instrumentation inst) {
        try {
            Module javaBase = Object.class.getModule();
            if (!inst.isModifiableModule(javaBase)) {
                return false;
            }
            inst.redefineModule(javaBase, Collections.emptySet(),
                    Map.of("jdk.internal.misc", Set.of(NestedRuntime.class.getModule())), Collections.emptyMap(),
                    Collections.emptySet(), Collections.emptyMap());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
