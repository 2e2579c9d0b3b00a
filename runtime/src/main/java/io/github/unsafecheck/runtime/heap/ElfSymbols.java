package io.github.unsafecheck.runtime.heap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Looks up exported symbols in a 64-bit little-endian ELF shared object ({@code .dynsym}), the way a debugger finds
 * HotSpot's {@code gHotSpotVMStructs}. Only the section headers and the dynamic symbol and string tables are read.
 */
final class ElfSymbols {
    private static final int SHT_DYNSYM = 11;
    private static final int PT_LOAD = 1;

    private ElfSymbols() {
    }

    /** The symbol values (link-time virtual addresses) of the wanted names that exist. */
    static Map<String, Long> lookup(String file, Set<String> wanted) throws IOException {
        Map<String, Long> found = new HashMap<>();
        try (FileChannel ch = FileChannel.open(Paths.get(file), StandardOpenOption.READ)) {
            ByteBuffer header = read(ch, 0, 64);
            checkHeader(header, file);
            long shoff = header.getLong(0x28);
            int shentsize = header.getShort(0x3A) & 0xFFFF;
            int shnum = header.getShort(0x3C) & 0xFFFF;
            ByteBuffer sections = read(ch, shoff, shentsize * shnum);
            for (int i = 0; i < shnum; i++) {
                int base = i * shentsize;
                if (sections.getInt(base + 4) != SHT_DYNSYM) {
                    continue;
                }
                long symOffset = sections.getLong(base + 0x18);
                long symSize = sections.getLong(base + 0x20);
                int strIndex = sections.getInt(base + 0x28);
                long entSize = sections.getLong(base + 0x38);
                long strOffset = sections.getLong(strIndex * shentsize + 0x18);
                long strSize = sections.getLong(strIndex * shentsize + 0x20);
                ByteBuffer symbols = read(ch, symOffset, (int) symSize);
                ByteBuffer strings = read(ch, strOffset, (int) strSize);
                byte[][] names = new byte[wanted.size()][];
                String[] keys = wanted.toArray(new String[0]);
                for (int k = 0; k < keys.length; k++) {
                    names[k] = keys[k].getBytes(StandardCharsets.US_ASCII);
                }
                for (long s = 0; s + entSize <= symSize; s += entSize) {
                    int name = symbols.getInt((int) s);
                    for (int k = 0; k < keys.length; k++) {
                        if (nameEquals(strings, name, names[k])) {
                            found.put(keys[k], symbols.getLong((int) s + 8));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The page-aligned virtual address of the first loadable segment: the load bias is map start minus this. */
    static long firstLoadAddress(String file) throws IOException {
        try (FileChannel ch = FileChannel.open(Paths.get(file), StandardOpenOption.READ)) {
            ByteBuffer header = read(ch, 0, 64);
            checkHeader(header, file);
            long phoff = header.getLong(0x20);
            int phentsize = header.getShort(0x36) & 0xFFFF;
            int phnum = header.getShort(0x38) & 0xFFFF;
            ByteBuffer ph = read(ch, phoff, phentsize * phnum);
            for (int i = 0; i < phnum; i++) {
                if (ph.getInt(i * phentsize) == PT_LOAD) {
                    long vaddr = ph.getLong(i * phentsize + 0x10);
                    long align = ph.getLong(i * phentsize + 0x30);
                    return align > 1 ? vaddr & -align : vaddr;
                }
            }
        }
        throw new IOException(file + " has no loadable segment");
    }

    private static void checkHeader(ByteBuffer h, String file) throws IOException {
        if (h.getInt(0) != 0x464C457F) { // "\177ELF" read little-endian
            throw new IOException(file + " is not an ELF file");
        }
        if (h.get(4) != 2 || h.get(5) != 1) {
            throw new IOException(file + " is not a 64-bit little-endian ELF file");
        }
    }

    private static boolean nameEquals(ByteBuffer strings, int at, byte[] name) {
        if (at < 0 || at + name.length >= strings.limit()) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (strings.get(at + i) != name[i]) {
                return false;
            }
        }
        return strings.get(at + name.length) == 0;
    }

    private static ByteBuffer read(FileChannel ch, long position, int size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        b.flip();
        return b;
    }
}
