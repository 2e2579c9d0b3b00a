package io.github.unsafecheck.maven;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import io.github.unsafecheck.instrumenter.ClassScope;
import io.github.unsafecheck.runtime.config.ClassNameGlob;
import io.github.unsafecheck.runtime.config.MethodRef;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offline instrumentation of a classes directory: backup, idempotence, restore, bad classes. */
class ClassDirectoryInstrumentationTest {
    @TempDir
    Path tmp;
    Path classes;
    Path backup;
    byte[] original;

    @BeforeEach
    void copyFixtures() throws IOException {
        classes = tmp.resolve("classes");
        backup = tmp.resolve("backup");
        original = classFile("fixture/WritesAddress.class");
        write(classes.resolve("fixture/WritesAddress.class"), original);
        write(classes.resolve("fixture/NoUnsafe.class"), classFile("fixture/NoUnsafe.class"));
    }

    @Test
    void rewritesInPlaceAndKeepsTheOriginal() throws IOException {
        ClassDirectoryInstrumentation.Plan plan = run("");
        assertEquals(1, plan.tally.instrumented);
        assertEquals(2, plan.tally.classes);
        byte[] now = Files.readAllBytes(classes.resolve("fixture/WritesAddress.class"));
        assertTrue(callsHooks(now));
        assertArrayEquals(original, Files.readAllBytes(backup.resolve("fixture/WritesAddress.class")));
        assertFalse(Files.exists(backup.resolve("fixture/NoUnsafe.class")), "unchanged classes need no backup");
    }

    @Test
    void aSecondRunLeavesInstrumentedClassesAndTheirBackupAlone() throws IOException {
        run("");
        byte[] once = Files.readAllBytes(classes.resolve("fixture/WritesAddress.class"));
        ClassDirectoryInstrumentation.Plan again = run("");
        assertEquals(0, again.tally.instrumented);
        assertEquals(1, again.tally.alreadyInstrumented);
        assertArrayEquals(once, Files.readAllBytes(classes.resolve("fixture/WritesAddress.class")));
        assertArrayEquals(original, Files.readAllBytes(backup.resolve("fixture/WritesAddress.class")));
    }

    @Test
    void allocatorOnlyClassesAreRecognizedOnTheSecondRunToo() throws IOException {
        run("fixture.NoUnsafe#answer");
        byte[] woven = Files.readAllBytes(classes.resolve("fixture/NoUnsafe.class"));
        assertTrue(new String(woven, StandardCharsets.ISO_8859_1).contains("io/github/unsafecheck/runtime/AllocatorContext"));
        ClassDirectoryInstrumentation.Plan again = run("fixture.NoUnsafe#answer");
        assertEquals(2, again.tally.alreadyInstrumented);
        assertArrayEquals(woven, Files.readAllBytes(classes.resolve("fixture/NoUnsafe.class")), "advice woven once");
    }

    @Test
    void restorePutsTheOriginalsBackAndEmptiesTheBackup() throws IOException {
        run("");
        assertEquals(1, ClassDirectoryInstrumentation.restore(backup, classes));
        assertArrayEquals(original, Files.readAllBytes(classes.resolve("fixture/WritesAddress.class")));
        assertFalse(Files.exists(backup.resolve("fixture/WritesAddress.class")));
        assertEquals(1, run("").tally.instrumented, "after restore, the classes are originals again");
    }

    @Test
    void aClassThatCannotBeInstrumentedStaysAsItIsAndIsNamed() throws IOException {
        byte[] broken = java.util.Arrays.copyOf(original, original.length / 2);
        write(classes.resolve("fixture/Broken.class"), broken);
        CapturingLog log = new CapturingLog();
        ClassDirectoryInstrumentation.Plan plan = run("", log);
        assertEquals(1, plan.tally.failed);
        assertArrayEquals(broken, Files.readAllBytes(classes.resolve("fixture/Broken.class")));
        assertEquals(1, log.warnings.size(), log.warnings::toString);
        assertTrue(log.warnings.get(0).startsWith("unsafecheck: could not instrument fixture.Broken ("),
                log.warnings.get(0));
    }

    @Test
    void excludedClassesAreNotRewritten() throws IOException {
        OfflineInstrumenter instrumenter = new OfflineInstrumenter(
                new ClassScope(List.of(ClassNameGlob.of("*")), List.of(ClassNameGlob.of("fixture.*"))),
                new AllocatorWeaver(new AllocatorMethods(List.of()), ClassFileLocator.NoOp.INSTANCE));
        ClassDirectoryInstrumentation d = new ClassDirectoryInstrumentation(classes, backup, instrumenter);
        assertEquals(0, d.plan(new CapturingLog()).tally.instrumented);
    }

    private ClassDirectoryInstrumentation.Plan run(String allocators) throws IOException {
        return run(allocators, new CapturingLog());
    }

    private ClassDirectoryInstrumentation.Plan run(String allocators, CapturingLog log) throws IOException {
        List<MethodRef> refs = allocators.isEmpty() ? List.of() : List.of(MethodRef.parse(allocators));
        OfflineInstrumenter instrumenter = new OfflineInstrumenter(
                new ClassScope(List.of(ClassNameGlob.of("*")), List.of()),
                new AllocatorWeaver(new AllocatorMethods(refs), new ClassFileLocator.ForFolder(classes.toFile())));
        ClassDirectoryInstrumentation d = new ClassDirectoryInstrumentation(classes, backup, instrumenter);
        ClassDirectoryInstrumentation.Plan plan = d.plan(log);
        d.apply(plan);
        return plan;
    }

    static boolean callsHooks(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1).contains("io/github/unsafecheck/runtime/hook/UnsafeHooks");
    }

    static byte[] classFile(String resource) throws IOException {
        try (InputStream in = ClassDirectoryInstrumentationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
