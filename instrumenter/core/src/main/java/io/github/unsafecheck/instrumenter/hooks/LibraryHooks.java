package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.TrackedFunction;
import net.bytebuddy.dynamic.ClassFileLocator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which methods of which classes get advice: the functions declared with {@code track=}, and the built-in
 * integrations, on whenever their library is loaded (no option needed):
 *
 * <ul>
 *   <li>LWJGL 3.3: {@code MemoryUtil.nmemAlloc/nmemCalloc/nmemRealloc/nmemAlignedAlloc/nmemFree/nmemAlignedFree} —
 *       and through them {@code memAlloc*}, {@code memFree}, structs' {@code malloc}, whichever allocator LWJGL runs
 *       on (system, jemalloc, rpmalloc); and {@code MemoryStack} ({@code nmalloc}, {@code pop}, {@code setPointer}).
 *   <li>JNA: {@code Native.malloc}/{@code Native.free} (native methods: wrapped first, see {@link NativeWrapper}),
 *       which {@code Memory} allocates and frees through; and {@code Pointer}'s write methods, JNI calls that no
 *       call site shows.
 *   <li>FFM (JDK 22+): {@code AbstractLinker.downcallHandle(symbol, …)}, so that a downcall bound to {@code malloc},
 *       {@code free} and the rest comes back wrapped.
 * </ul>
 *
 * This is the one place that names library methods, as the rewrite table is for the JDK's {@code Unsafe}.
 */
public final class LibraryHooks {
    /** The agent's native method prefix (JVMTI {@code SetNativeMethodPrefix}). */
    public static final String NATIVE_PREFIX = NativeWrapper.PREFIX;

    /** Hooks that are not allocation functions by role. */
    enum Special {
        /** LWJGL's {@code MemoryStack}. */
        MEMORY_STACK,
        /** JNA's {@code Pointer} writes. */
        JNA_POINTER,
        /** FFM's linker. */
        LINKER
    }

    /** What one class gets. */
    static final class ClassHooks {
        final String internalName;
        final String library;
        final List<TrackedFunction> declared = new ArrayList<>();
        final List<TrackedFunction> builtIn = new ArrayList<>();
        final Set<Special> specials = EnumSet.noneOf(Special.class);
        /** Null: any loader; true: the bootstrap loader only (a JDK class); false: never the bootstrap loader. */
        final Boolean bootstrap;

        ClassHooks(String internalName, String library, Boolean bootstrap) {
            this.internalName = internalName;
            this.library = library;
            this.bootstrap = bootstrap;
        }

        String dottedName() {
            return internalName.replace('/', '.');
        }
    }

    private final Map<String, ClassHooks> byName;

    private LibraryHooks(Map<String, ClassHooks> byName) {
        this.byName = byName;
    }

    /** The built-in integrations for a JDK of {@code jdkFeature}, plus the {@code track} entries. */
    public static LibraryHooks of(List<TrackedFunction> tracked, int jdkFeature) {
        Map<String, ClassHooks> m = new LinkedHashMap<>();
        ClassHooks memoryUtil = add(m, "org/lwjgl/system/MemoryUtil", "LWJGL", false);
        for (String e : new String[] {"nmemAlloc(J)J=alloc@0", "nmemCalloc(JJ)J=calloc@0@1",
            "nmemRealloc(JJ)J=realloc@0@1", "nmemAlignedAlloc(JJ)J=aligned-alloc@0@1", "nmemFree(J)V=free@0",
            "nmemAlignedFree(J)V=free@0"}) {
            memoryUtil.builtIn.add(TrackedFunction.parse("org.lwjgl.system.MemoryUtil#" + e));
        }
        add(m, "org/lwjgl/system/MemoryStack", "LWJGL", false).specials.add(Special.MEMORY_STACK);
        ClassHooks jnaNative = add(m, "com/sun/jna/Native", "JNA", false);
        jnaNative.builtIn.add(TrackedFunction.parse("com.sun.jna.Native#malloc(J)J=alloc@0"));
        jnaNative.builtIn.add(TrackedFunction.parse("com.sun.jna.Native#free(J)V=free@0"));
        add(m, "com/sun/jna/Pointer", "JNA", false).specials.add(Special.JNA_POINTER);
        if (jdkFeature >= 22) {
            add(m, "jdk/internal/foreign/abi/AbstractLinker", "FFM", true).specials.add(Special.LINKER);
        }
        for (TrackedFunction f : tracked) {
            String internal = f.className().replace('.', '/');
            ClassHooks c = m.get(internal);
            if (c == null) {
                c = add(m, internal, null, null);
            }
            c.declared.add(f);
        }
        return new LibraryHooks(Collections.unmodifiableMap(m));
    }

    private static ClassHooks add(Map<String, ClassHooks> m, String name, String library, Boolean bootstrap) {
        ClassHooks c = new ClassHooks(name, library, bootstrap);
        m.put(name, c);
        return c;
    }

    /** True when a class of this internal name may get hooks from {@code loader} (null: the bootstrap loader). */
    public boolean hooks(ClassLoader loader, String internalName) {
        ClassHooks c = byName.get(internalName);
        return c != null && (c.bootstrap == null || c.bootstrap == (loader == null));
    }

    /** Internal names of every class that may get hooks. */
    public Set<String> internalNames() {
        return byName.keySet();
    }

    /** The classes named by {@code track} entries (dotted), for the start-up check. */
    public List<String> declaringClasses() {
        List<String> out = new ArrayList<>();
        for (ClassHooks c : byName.values()) {
            if (!c.declared.isEmpty()) {
                out.add(c.dottedName());
            }
        }
        return out;
    }

    /**
     * Checks the {@code track} entries of {@code dottedName} against its class file; throws {@link OptionException}
     * (message ready to print, naming the option) at the first entry that does not fit.
     */
    public void check(String dottedName, byte[] classFile) {
        ClassHooks c = byName.get(dottedName.replace('.', '/'));
        if (c != null && !c.declared.isEmpty()) {
            Plan.resolveDeclared(c, ClassMethods.of(classFile));
        }
    }

    ClassHooks hooksOf(String internalName) {
        return byName.get(internalName);
    }

    /** What weaving a class did: its new bytes (null: unchanged) and what the user should be told. */
    public static final class Woven {
        private final byte[] bytes;
        private final List<String> notes;

        Woven(byte[] bytes, List<String> notes) {
            this.bytes = bytes;
            this.notes = notes;
        }

        public byte[] bytes() {
            return bytes;
        }

        /** Built-in hooks that did not fit this version of the library, natives that could not be wrapped. */
        public List<String> notes() {
            return notes;
        }
    }

    /**
     * Weaves the hooks of {@code internalName} into {@code classFile}. {@code mayAddMethods}: the class is being
     * loaded for the first time (or was wrapped then), so native methods may be given Java bodies. Throws
     * {@link OptionException} when a {@code track} entry does not fit the class as loaded.
     */
    public Woven weave(ClassLoader loader, String internalName, byte[] classFile, boolean mayAddMethods) {
        return weave(loader == null ? ClassFileLocator.ForClassLoader.ofPlatformLoader()
                : ClassFileLocator.ForClassLoader.of(loader), internalName, classFile, mayAddMethods);
    }

    /** The same, with the referenced types read from {@code types} (offline: the project's class path). */
    public Woven weave(ClassFileLocator types, String internalName, byte[] classFile, boolean mayAddMethods) {
        ClassHooks c = byName.get(internalName);
        if (c == null) {
            return new Woven(null, List.of());
        }
        return new Weaver(c, Plan.of(c, ClassMethods.of(classFile)), types).weave(classFile, mayAddMethods);
    }

    /** True when a class file already calls the hooks this weaves in (an earlier offline run wove it). */
    public static boolean isWoven(byte[] classFile) {
        String text = new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String hook : WOVEN_HOOKS) {
            if (text.contains(hook)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] WOVEN_HOOKS = {"io/github/unsafecheck/runtime/hook/FunctionHooks",
        "io/github/unsafecheck/runtime/hook/StackHooks", "io/github/unsafecheck/runtime/hook/PointerHooks",
        "io/github/unsafecheck/runtime/hook/DowncallHooks"};
}
