package io.github.unsafecheck.runtime.heap;

import io.github.unsafecheck.runtime.raw.RawMemory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * HotSpot's self-description table, {@code gHotSpotVMStructs}: the same table the Serviceability Agent reads from
 * outside the process, read here from inside it. Each entry names a C++ type and field and gives either the address
 * of a static field or the offset of an instance field. Only the entries asked for are kept.
 */
final class VmStructs {
    private static final String TABLE = "gHotSpotVMStructs";
    private static final String[] LAYOUT = {
        "gHotSpotVMStructEntryArrayStride",
        "gHotSpotVMStructEntryTypeNameOffset",
        "gHotSpotVMStructEntryFieldNameOffset",
        "gHotSpotVMStructEntryIsStaticOffset",
        "gHotSpotVMStructEntryOffsetOffset",
        "gHotSpotVMStructEntryAddressOffset",
    };
    /** HotSpot has a few hundred entries; this bounds a walk over a corrupt table. */
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, long[]> entries;

    private VmStructs(Map<String, long[]> entries) {
        this.entries = entries;
    }

    /** Finds libjvm in this process and reads the wanted {@code Type::field} entries. */
    static VmStructs load(Set<String> wanted) throws IOException {
        ProcMaps.Library jvm = ProcMaps.findLibrary(ProcMaps.SELF, "libjvm.so");
        if (jvm == null) {
            throw new IOException("libjvm.so is not mapped in this process");
        }
        Set<String> names = new HashSet<>(Arrays.asList(LAYOUT));
        names.add(TABLE);
        Map<String, Long> symbols = ElfSymbols.lookup(jvm.path, names);
        if (!symbols.keySet().containsAll(names)) {
            names.removeAll(symbols.keySet());
            throw new IOException(jvm.path + " does not export " + names + " (not a HotSpot VM?)");
        }
        long bias = jvm.mapStart - ElfSymbols.firstLoadAddress(jvm.path);
        long table = RawMemory.getLong(bias + symbols.get(TABLE));
        long stride = RawMemory.getLong(bias + symbols.get(LAYOUT[0]));
        long typeNameAt = RawMemory.getLong(bias + symbols.get(LAYOUT[1]));
        long fieldNameAt = RawMemory.getLong(bias + symbols.get(LAYOUT[2]));
        long isStaticAt = RawMemory.getLong(bias + symbols.get(LAYOUT[3]));
        long offsetAt = RawMemory.getLong(bias + symbols.get(LAYOUT[4]));
        long addressAt = RawMemory.getLong(bias + symbols.get(LAYOUT[5]));

        // Wanted fields grouped by type name. The walk runs once, at start, in the interpreter, where every raw read
        // is a method-handle call: so each entry costs one read of its type-name pointer, and the type name itself is
        // only compared when the pointer changes (the table lists a type's fields together, and they share the
        // compiler-merged string literal). The field name is read only for a wanted type.
        Map<String, Map<String, byte[]>> byType = new HashMap<>();
        for (String w : wanted) {
            int sep = w.indexOf("::");
            Map<String, byte[]> fields = byType.get(w.substring(0, sep));
            if (fields == null) { // not computeIfAbsent: a lambda's first bootstrap costs milliseconds at start
                fields = new HashMap<>();
                byType.put(w.substring(0, sep), fields);
            }
            fields.put(w, w.substring(sep + 2).getBytes(StandardCharsets.US_ASCII));
        }
        Map<byte[], Map<String, byte[]>> typeNames = new HashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> t : byType.entrySet()) {
            typeNames.put(t.getKey().getBytes(StandardCharsets.US_ASCII), t.getValue());
        }
        Map<String, long[]> found = new HashMap<>();
        long lastTypeName = 0;
        Map<String, byte[]> fieldsOfType = null;
        long entry = table;
        for (int n = 0; n < MAX_ENTRIES; n++, entry += stride) {
            long typeName = RawMemory.getLong(entry + typeNameAt);
            if (typeName == 0) {
                return new VmStructs(found);
            }
            if (typeName != lastTypeName) {
                lastTypeName = typeName;
                fieldsOfType = wantedFieldsOf(typeName, typeNames);
            }
            if (fieldsOfType == null) {
                continue;
            }
            long fieldName = RawMemory.getLong(entry + fieldNameAt);
            for (Map.Entry<String, byte[]> w : fieldsOfType.entrySet()) {
                if (fieldName != 0 && RawMemory.cStringEquals(fieldName, w.getValue())) {
                    found.put(w.getKey(), new long[] {
                        RawMemory.getInt(entry + isStaticAt),
                        RawMemory.getLong(entry + offsetAt),
                        RawMemory.getLong(entry + addressAt),
                    });
                }
            }
        }
        throw new IOException("gHotSpotVMStructs has no end marker within " + MAX_ENTRIES + " entries");
    }

    /** The wanted fields of the type named by the C string at {@code typeName}, or null when none is wanted. */
    private static Map<String, byte[]> wantedFieldsOf(long typeName, Map<byte[], Map<String, byte[]>> typeNames) {
        for (Map.Entry<byte[], Map<String, byte[]>> t : typeNames.entrySet()) {
            if (RawMemory.cStringEquals(typeName, t.getKey())) {
                return t.getValue();
            }
        }
        return null;
    }

    boolean has(String typeAndField) {
        return entries.containsKey(typeAndField);
    }

    /** Address of a static field. */
    long staticAddress(String typeAndField) throws IOException {
        long[] e = require(typeAndField);
        if (e[0] == 0) {
            throw new IOException(typeAndField + " is not a static field");
        }
        return e[2];
    }

    /** Offset of an instance field. */
    long offset(String typeAndField) throws IOException {
        long[] e = require(typeAndField);
        if (e[0] != 0) {
            throw new IOException(typeAndField + " is a static field");
        }
        return e[1];
    }

    private long[] require(String typeAndField) throws IOException {
        long[] e = entries.get(typeAndField);
        if (e == null) {
            throw new IOException("HotSpot's gHotSpotVMStructs has no entry " + typeAndField);
        }
        return e;
    }
}
