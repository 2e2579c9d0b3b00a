package io.github.unsafecheck.samples.libraries.lucene;

import io.github.unsafecheck.samples.libraries.BadWrite;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.MemorySegmentAccessInput;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * Two bugs planted in zero-copy use of Lucene's mapped index files through
 * {@link MemorySegmentAccessInput#segmentSliceOrNull}, the public door Lucene opens to its {@code MemorySegment}s.
 * FFM guards a segment's own bounds and lifetime; it cannot guard a raw address turned back into a segment, which
 * is what every hand-off to native code (or to code that only takes a pointer) does.
 * <ul>
 *   <li>{@code overflow}: a file is copied into a 4 KiB native buffer through the buffer's raw address
 *       ({@code ofAddress(...).reinterpret(...)}, as a pointer handed to native code would be) — but the file is
 *       longer than the buffer. The buffer is an arena segment the checker tracks: {@code overflow}.
 *   <li>{@code stale-mapping}: a raw address into a mapped file is kept after its {@code IndexInput} is closed (the
 *       file is unmapped) and written through. The checker does not track file mappings, so this memory is unknown
 *       to it: with {@code strict=true} the write is a {@code wild-write}. (Unchecked, the write hits unmapped or
 *       read-only memory and the JVM dies with SIGSEGV.)
 * </ul>
 * Argument 1: the case; argument 2: an empty directory for a small index.
 */
public final class LuceneBugs {
    static final long MARK = 0x0BADF00DDEADBEEFL;

    private LuceneBugs() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[1]);
        try (MMapDirectory dir = new MMapDirectory(path)) {
            LuceneWorkload.index(dir, 0, 500);
            String file = largestFile(dir);
            switch (args[0]) {
                case "overflow" -> overflow(dir, file);
                case "stale-mapping" -> staleMapping(dir, file);
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void overflow(MMapDirectory dir, String file) throws IOException {
        try (Arena arena = Arena.ofConfined(); IndexInput in = dir.openInput(file, IOContext.DEFAULT)) {
            long length = Math.min(in.length(), 8192);
            if (length <= 4096) {
                throw new IllegalStateException(file + " is only " + length + " bytes");
            }
            MemorySegment source = ((MemorySegmentAccessInput) in).segmentSliceOrNull(0, length);
            MemorySegment buffer = arena.allocate(4096);
            MemorySegment pointer = MemorySegment.ofAddress(buffer.address()).reinterpret(Long.MAX_VALUE);
            BadWrite.attempt(() -> MemorySegment.copy(source, 0, pointer, 0, length)); // the planted overflow
        }
    }

    private static void staleMapping(MMapDirectory dir, String file) throws IOException {
        long address;
        try (IndexInput in = dir.openInput(file, IOContext.DEFAULT)) {
            address = ((MemorySegmentAccessInput) in).segmentSliceOrNull(0, 64).address();
        } // closing the input unmaps the file
        MemorySegment stale = MemorySegment.ofAddress(address).reinterpret(64);
        BadWrite.attempt(() -> stale.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, MARK)); // the planted write to a closed mapping
    }

    private static String largestFile(MMapDirectory dir) throws IOException {
        String largest = null;
        long size = -1;
        for (String f : dir.listAll()) {
            if (!f.equals("write.lock") && dir.fileLength(f) > size) {
                size = dir.fileLength(f);
                largest = f;
            }
        }
        System.out.println("file " + largest + " " + size + " bytes");
        return largest;
    }
}
