package io.github.unsafecheck.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rewrites a classes directory in place, keeping each original it replaces in the backup directory. Planning and
 * writing are separate steps, so the goal can refuse (e.g. no runtime dependency) before a file is touched.
 *
 * <p>Running twice without {@code clean} is safe: a class that already calls the hooks, or whose backup instruments to
 * exactly its current bytes (allocator advice only), is left alone and its backup kept; a class the compiler wrote
 * again is a new original.
 */
final class ClassDirectoryInstrumentation {
    private final Path classes;
    private final Path backup;
    private final OfflineInstrumenter instrumenter;

    ClassDirectoryInstrumentation(Path classes, Path backup, OfflineInstrumenter instrumenter) {
        this.classes = classes;
        this.backup = backup;
        this.instrumenter = instrumenter;
    }

    /** The files to write, and the stale backups to drop. */
    static final class Plan {
        final Tally tally = new Tally();
        final List<Path> files = new ArrayList<>();
        final List<byte[]> contents = new ArrayList<>();
        final List<Path> staleBackups = new ArrayList<>();
    }

    Plan plan(Log log) throws IOException {
        Plan plan = new Plan();
        for (Path file : classFiles()) {
            Path relative = classes.relativize(file);
            String className = ClassNames.ofEntry(relative.toString().replace(file.getFileSystem().getSeparator(), "/"));
            if (className == null) {
                continue;
            }
            byte[] current = Files.readAllBytes(file);
            Path original = backup.resolve(relative);
            if (OfflineInstrumenter.isInstrumented(current) || isOwnOutput(className, original, current)) {
                plan.tally.classes++;
                plan.tally.alreadyInstrumented++;
                continue;
            }
            OfflineInstrumenter.Outcome o = instrumenter.instrument(classes.toString(), className, current);
            plan.tally.count(o, className, log);
            if (o.changed()) {
                plan.files.add(file);
                plan.contents.add(o.bytes);
            } else if (Files.exists(original)) {
                plan.staleBackups.add(original); // restoring it would overwrite a newer compile
            }
        }
        return plan;
    }

    void apply(Plan plan) throws IOException {
        for (Path stale : plan.staleBackups) {
            Files.delete(stale);
        }
        for (int i = 0; i < plan.files.size(); i++) {
            Path file = plan.files.get(i);
            Path original = backup.resolve(classes.relativize(file));
            Files.createDirectories(original.getParent());
            Files.copy(file, original, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.write(file, plan.contents.get(i));
        }
    }

    private boolean isOwnOutput(String className, Path original, byte[] current) throws IOException {
        if (!Files.isRegularFile(original)) {
            return false;
        }
        OfflineInstrumenter.Outcome again = instrumenter.instrument(classes.toString(), className,
                Files.readAllBytes(original));
        return again.changed() && Arrays.equals(again.bytes, current);
    }

    private List<Path> classFiles() throws IOException {
        try (Stream<Path> s = Files.walk(classes)) {
            return s.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Puts every backed-up original back and empties the backup; returns how many. */
    static int restore(Path backup, Path classes) throws IOException {
        if (!Files.isDirectory(backup)) {
            return 0;
        }
        List<Path> originals;
        try (Stream<Path> s = Files.walk(backup)) {
            originals = s.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path original : originals) {
            Path target = classes.resolve(backup.relativize(original).toString());
            Files.createDirectories(target.getParent());
            Files.copy(original, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(original);
        }
        return originals.size();
    }
}
