package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.ClassCoverage;
import io.github.unsafecheck.instrumenter.ClassInstrumenter;
import io.github.unsafecheck.instrumenter.CoverageRecorder;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class-loading path: a plain {@code ClassFileTransformer} around the ASM rewrite. Byte Buddy is deliberately
 * not on this path: its {@code AgentBuilder} warm-up costs 0.5–1.3 s at start and its {@code MemberSubstitution} 15–40×
 * the time per class (see the feasibility spike). A class that fails is left unchanged; the reason is printed once
 * and recorded in the coverage report.
 */
final class UnsafeCallTransformer implements ClassFileTransformer {
    private final ClassInstrumenter instrumenter;
    private final ClassInstrumenter jdkAllocations = ClassInstrumenter.allocationsOnly();
    private final ClassFilter filter;
    private final CoverageRecorder coverage;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    UnsafeCallTransformer(ClassInstrumenter instrumenter, ClassFilter filter, CoverageRecorder coverage) {
        this.instrumenter = instrumenter;
        this.filter = filter;
        this.coverage = coverage;
    }

    /** Runs one transformation before registration: see {@link WarmupSample}. */
    void warmUp() {
        String name = WarmupSample.class.getName().replace('.', '/');
        try (java.io.InputStream in = WarmupSample.class.getResourceAsStream("WarmupSample.class")) {
            byte[] bytes = in.readAllBytes();
            instrumenter.instrument(name, bytes);
            jdkAllocations.instrument(name, bytes);
            JdkAllocationClasses.contains(null, name);
            loaderName(WarmupSample.class.getClassLoader());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("unsafecheck: transformer warm-up failed (" + e + ")");
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (internalName == null) {
            return null; // hidden classes have no name here (and never reach a transformer on JDK 15+ anyway)
        }
        String name = internalName.replace('/', '.');
        boolean jdk = JdkAllocationClasses.contains(loader, internalName);
        if (!jdk && !filter.accepts(loader, name)) {
            return null;
        }
        try {
            coverage.offered();
            ClassInstrumenter.Result result = (jdk ? jdkAllocations : instrumenter).instrument(name, classFile);
            ClassCoverage c = result.coverage();
            if (c != null) {
                coverage.record(loaderName(loader), c);
                if (c.failure() != null && reported.add(name)) {
                    System.err.println("unsafecheck: could not instrument " + name + " (" + c.failure() + "); its "
                            + c.sites().size() + " Unsafe call site(s) run unchecked");
                }
            }
            return result.bytes();
        } catch (Throwable t) {
            // The JVM would swallow this silently and load the class unchanged: say so once.
            if (reported.add(name)) {
                System.err.println("unsafecheck: could not instrument " + name + " (" + t + "); it runs unchecked");
            }
            return null;
        }
    }

    private static String loaderName(ClassLoader loader) {
        if (loader == null) {
            return "bootstrap";
        }
        String n = loader.getName();
        return n != null ? n : loader.getClass().getName();
    }
}
