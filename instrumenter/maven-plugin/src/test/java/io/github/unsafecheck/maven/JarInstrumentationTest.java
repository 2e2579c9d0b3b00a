package io.github.unsafecheck.maven;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import io.github.unsafecheck.instrumenter.ClassScope;
import io.github.unsafecheck.runtime.config.ClassNameGlob;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JarInstrumentationTest {
    @TempDir
    Path tmp;

    @Test
    void rewritesClassesKeepsOtherEntriesAndDropsTheSignature() throws IOException {
        Path in = tmp.resolve("lib.jar");
        byte[] writes = ClassDirectoryInstrumentationTest.classFile("fixture/WritesAddress.class");
        jar(in, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
                "META-INF/LIB.SF", new byte[] {1}, "fixture/WritesAddress.class", writes,
                "META-INF/versions/21/fixture/WritesAddress.class", writes, "data.txt", new byte[] {7});
        Path out = tmp.resolve("out/lib.jar");
        Tally t = instrumentation().instrument(in, out, new CapturingLog());
        assertEquals(2, t.instrumented, "the multi-release copy too");
        try (ZipFile z = new ZipFile(out.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(z.entries())) {
                names.add(e.getName());
            }
            assertEquals(List.of("META-INF/MANIFEST.MF", "fixture/WritesAddress.class",
                    "META-INF/versions/21/fixture/WritesAddress.class", "data.txt"), names);
            assertTrue(ClassDirectoryInstrumentationTest.callsHooks(
                    z.getInputStream(z.getEntry("fixture/WritesAddress.class")).readAllBytes()));
            assertArrayEquals(new byte[] {7}, z.getInputStream(z.getEntry("data.txt")).readAllBytes());
        }
    }

    @Test
    void aJarWithNothingToRewriteIsCopiedAsItIs() throws IOException {
        Path in = tmp.resolve("plain.jar");
        jar(in, "fixture/NoUnsafe.class", ClassDirectoryInstrumentationTest.classFile("fixture/NoUnsafe.class"));
        Path out = tmp.resolve("out/plain.jar");
        assertEquals(0, instrumentation().instrument(in, out, new CapturingLog()).instrumented);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
    }

    @Test
    void signatureFiles() {
        assertTrue(JarInstrumentation.isSignature("META-INF/CERT.SF"));
        assertTrue(JarInstrumentation.isSignature("META-INF/cert.rsa"));
        assertTrue(JarInstrumentation.isSignature("META-INF/SIG-FOO"));
        assertFalse(JarInstrumentation.isSignature("META-INF/MANIFEST.MF"));
        assertFalse(JarInstrumentation.isSignature("META-INF/maven/x/y.SF"));
        assertFalse(JarInstrumentation.isSignature("a/B.SF"));
    }

    private static JarInstrumentation instrumentation() {
        return new JarInstrumentation(new OfflineInstrumenter(new ClassScope(List.of(ClassNameGlob.of("*")), List.of()),
                new AllocatorWeaver(new AllocatorMethods(List.of()), ClassFileLocator.NoOp.INSTANCE)));
    }

    private static void jar(Path file, Object... nameAndBytes) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameAndBytes[i]));
                z.write((byte[]) nameAndBytes[i + 1]);
                z.closeEntry();
            }
        }
    }
}
