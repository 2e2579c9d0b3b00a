package io.github.unsafecheck.samples.cases;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.JsonLines;
import io.github.unsafecheck.testing.RunResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** One case run in a new JVM under the built agent, in one mode, and the report it wrote. */
final class CaseRun {
    static final Path CLASSES = Paths.get(System.getProperty("unsafecheck.sample.classes", "target/classes"));
    /** Where each run leaves its report, for a look after a failure. */
    static final Path REPORTS = CLASSES.resolveSibling("case-table");

    final CaseSource source;
    final String mode;
    final RunResult result;
    /** The violations it reported. */
    final List<Map<String, Object>> records;
    /** Its JVM's start and end records. */
    final List<Map<String, Object>> runRecords;

    private CaseRun(CaseSource source, String mode, RunResult result, List<Map<String, Object>> records,
            List<Map<String, Object>> runRecords) {
        this.source = source;
        this.mode = mode;
        this.result = result;
        this.records = records;
        this.runRecords = runRecords;
    }

    static CaseRun of(Jdk jdk, CaseSource c, String mode) {
        Path report = REPORTS.resolve("jdk" + jdk.feature()).resolve(c.simpleName() + "-" + mode + ".jsonl");
        try {
            Files.createDirectories(report.getParent());
            Files.deleteIfExists(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunResult r = ForkedJvm.on(jdk)
                .jvmArgs("-XX:-UseCompressedOops",      // the cases read addresses as raw reference bits
                        "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + report.resolveSibling("hs_err_pid%p.log"),
                        // where LWJGL and JNA unpack their native libraries: the build's own directory
                        "-Dorg.lwjgl.system.SharedLibraryExtractPath=" + REPORTS.resolve("natives").resolve("lwjgl"),
                        "-Djna.tmpdir=" + REPORTS.resolve("natives").resolve("jna"))
                .agent(BuiltArtifacts.agentJar(), c.agentOptions(mode, report.toString()))
                .classpath(CLASSES, byteBuddy(), jarOf("org.lwjgl.system.MemoryUtil"),
                        jarOf("linux/x64/org/lwjgl/liblwjgl.so"), jarOf("com.sun.jna.Native"))
                .main(c.className)
                .run();
        return new CaseRun(c, mode, r, JsonLines.violations(report), JsonLines.runRecords(report));
    }

    List<String> problems() {
        return Verdict.problems(source, mode, result.exitCode(), result.stdout() + result.stderr(), records,
                runRecords);
    }

    /** The jar on the test class path that holds a class (dotted name) or a resource (a path). */
    private static Path jarOf(String classOrResource) {
        String resource = classOrResource.contains("/") ? classOrResource : classOrResource.replace('.', '/') + ".class";
        java.net.URL url = CaseRun.class.getClassLoader().getResource(resource);
        if (url == null || !url.getProtocol().equals("jar")) {
            throw new IllegalStateException(resource + " is not in a jar on the test class path: " + url);
        }
        String path = url.getPath();
        try {
            return Paths.get(new java.net.URI(path.substring(0, path.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte Buddy's jar, for the structof case: the test class path has it. */
    private static Path byteBuddy() {
        try {
            return Paths.get(net.bytebuddy.ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(result.toString()).append("--- report ---\n");
        for (Map<String, Object> r : records) {
            sb.append(r.get("rule")).append(" at ").append(r.get("site")).append(" (").append(r.get("op"))
                    .append(", thread ").append(r.get("thread")).append(")\n");
        }
        for (Map<String, Object> r : runRecords) {
            sb.append(r).append('\n');
        }
        return sb.toString();
    }
}
