package io.github.unsafecheck.runtime.report;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file error in words: {@code /proc/x: no such file or directory}, not {@code NoSuchFileException: /proc/x}. The
 * JDK's file-system exceptions carry the file and, often, the operating system's reason; their class name is for
 * programmers, and some carry nothing else.
 */
public final class FileErrors {
    private FileErrors() {
    }

    public static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return about((FileSystemException) e, "no such file or directory");
        }
        if (e instanceof AccessDeniedException) {
            return about((FileSystemException) e, "permission denied");
        }
        if (e instanceof FileAlreadyExistsException) {
            return about((FileSystemException) e, "exists and is not a directory");
        }
        if (e instanceof NotDirectoryException) {
            return about((FileSystemException) e, "not a directory");
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String reason = f.getReason();
            return about(f, reason == null ? "cannot be used" : reason.toLowerCase(Locale.ROOT));
        }
        String message = e.getMessage();
        return message != null && !message.isEmpty() ? message : e.getClass().getSimpleName();
    }

    private static String about(FileSystemException f, String what) {
        return f.getFile() == null ? what : f.getFile() + ": " + what;
    }
}
