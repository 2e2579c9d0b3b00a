package io.github.unsafecheck.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes an instrumented copy of a jar: every class entry through the {@link OfflineInstrumenter}, every other entry
 * as it is, in the same order. A jar whose classes changed loses its signature files: the signature no longer matches
 * and the JVM would refuse the jar.
 */
final class JarInstrumentation {
    private final OfflineInstrumenter instrumenter;

    JarInstrumentation(OfflineInstrumenter instrumenter) {
        this.instrumenter = instrumenter;
    }

    /** Instruments {@code in} into {@code out}; when nothing changes, {@code out} is a plain copy. */
    Tally instrument(Path in, Path out, Log log) throws IOException {
        Tally tally = new Tally();
        List<ZipEntry> entries = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipFile zip = new ZipFile(in.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream s = zip.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                String className = e.isDirectory() ? null : ClassNames.ofEntry(e.getName());
                if (className != null) {
                    OfflineInstrumenter.Outcome o = instrumenter.instrument(in.getFileName().toString(), className,
                            bytes);
                    tally.count(o, className, log);
                    if (o.changed()) {
                        bytes = o.bytes;
                    }
                }
                entries.add(e);
                contents.add(bytes);
            }
        }
        Files.createDirectories(out.getParent());
        if (tally.instrumented == 0) {
            Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return tally;
        }
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry e = entries.get(i);
                if (isSignature(e.getName())) {
                    log.info("unsafecheck: " + in.getFileName() + " was signed; its instrumented copy is not ("
                            + e.getName() + " left out)");
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return tally;
    }

    /** Pure: the files of a jar signature ({@code META-INF/*.SF}, {@code .RSA}, {@code .DSA}, {@code .EC}, {@code SIG-*}). */
    static boolean isSignature(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC")
                || n.startsWith("META-INF/SIG-");
    }
}
