package io.github.unsafecheck.runtime.heap;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Reads {@code /proc/self/maps} (Linux) to find where a shared library is loaded. */
final class ProcMaps {
    static final Path SELF = Paths.get("/proc/self/maps");

    /** A library's file and the address at which its file offset 0 is mapped. */
    static final class Library {
        final String path;
        final long mapStart;

        Library(String path, long mapStart) {
            this.path = path;
            this.mapStart = mapStart;
        }
    }

    private ProcMaps() {
    }

    /** The first mapping of file offset 0 whose path ends with {@code /<fileName>}, or null. */
    static Library findLibrary(Path maps, String fileName) throws IOException {
        String suffix = "/" + fileName;
        try (BufferedReader r = Files.newBufferedReader(maps, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.endsWith(suffix)) {
                    continue;
                }
                // 7f88bf000000-7f88bf2a1000 r--p 00000000 fe:00 12345   /path/lib/server/libjvm.so
                String[] f = line.trim().split("\\s+", 6);
                if (f.length < 6 || Long.parseUnsignedLong(f[2], 16) != 0) {
                    continue;
                }
                long start = Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
                return new Library(f[5], start);
            }
        }
        return null;
    }
}
