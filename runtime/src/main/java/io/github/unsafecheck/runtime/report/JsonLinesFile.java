package io.github.unsafecheck.runtime.report;

import io.github.unsafecheck.runtime.config.OptionException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * A JSON-lines file opened for appending. Appending (not truncating) lets several JVMs of one build — forked test
 * runners — share one report: each record is one {@code write} of a whole line to a file opened with
 * {@code O_APPEND}. A record reaches the operating system before the call returns, so it survives a crash that
 * follows.
 */
public final class JsonLinesFile {
    private final Path path;
    private final FileChannel channel;
    private boolean broken;

    private JsonLinesFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens (creating it and its parent directories) or fails with a message naming the option. */
    public static JsonLinesFile open(String file, String optionKey) {
        Path p;
        try {
            p = Paths.get(file).toAbsolutePath();
        } catch (RuntimeException e) {
            throw OptionException.aboutFile("unsafecheck: '" + file + "' (option '" + optionKey
                    + "') is not a valid path: " + e.getMessage());
        }
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new JsonLinesFile(p, ch);
        } catch (IOException | RuntimeException e) {
            throw OptionException.aboutFile("unsafecheck: cannot write the file '" + p + "' (option '" + optionKey
                    + "'): " + FileErrors.describe(e));
        }
    }

    public Path path() {
        return path;
    }

    /** Appends one line; an I/O error is printed once and the file is then left alone. */
    public synchronized void append(String line) {
        if (broken) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            broken = true;
            System.err.println("unsafecheck: cannot append to " + path + " (" + FileErrors.describe(e)
                    + "); later records go to stderr only");
        }
    }
}
