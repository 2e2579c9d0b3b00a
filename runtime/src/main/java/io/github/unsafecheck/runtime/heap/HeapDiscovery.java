package io.github.unsafecheck.runtime.heap;

import io.github.unsafecheck.runtime.raw.Hex;
import io.github.unsafecheck.runtime.raw.RawMemory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the Java heap's reserved address ranges from inside the JVM, once, at start.
 *
 * <p>The primary route reads HotSpot's {@code gHotSpotVMStructs} table (located through libjvm's exported symbols
 * and {@code /proc/self/maps}): {@code CollectedHeap::_reserved} gives the reserved region of G1, Parallel, Serial,
 * Shenandoah and Epsilon, and the ZGC globals give ZGC's address views, which have no reserved region. It costs a few
 * milliseconds, against 150–600 ms for the diagnostic-command MBean, which is only the fallback (and has no range for
 * ZGC). Whatever route answers, the result is verified against the real addresses of a few objects before it is
 * trusted.
 */
final class HeapDiscovery {
    /** Test hook: force one route ({@code vmstructs}, {@code dcmd}) or none ({@code none}). Not a user option. */
    static final String FORCE_PROPERTY = "io.github.unsafecheck.internal.heapDiscovery";

    private static final String COLLECTED_HEAP = "Universe::_collectedHeap";
    private static final String RESERVED = "CollectedHeap::_reserved";
    private static final String MEM_START = "MemRegion::_start";
    private static final String MEM_WORDS = "MemRegion::_word_size";
    /** Compressed-oops base and shift: JDK 21+ names, then JDK 17's. */
    private static final String[] COOPS_BASE = {"CompressedOops::_base", "CompressedOops::_narrow_oop._base"};
    private static final String[] COOPS_SHIFT = {"CompressedOops::_shift", "CompressedOops::_narrow_oop._shift"};
    /** Generational ZGC (JDK 21+). */
    private static final String Z = "ZGlobalsForVMStructs::";
    /** Single-generation ZGC: JDK 17 calls it Z, JDK 21–23 X. */
    private static final String[] LEGACY_Z = {"ZGlobalsForVMStructs::", "XGlobalsForVMStructs::"};
    private static final String[] LEGACY_Z_PREFIX = {"_Z", "_X"};

    private HeapDiscovery() {
    }

    static HeapLayout discover() {
        String forced = System.getProperty(FORCE_PROPERTY, "");
        List<String> failures = new ArrayList<>();
        if (forced.isEmpty() || forced.equals("vmstructs")) {
            try {
                return verified(fromVmStructs());
            } catch (IOException | RuntimeException e) {
                failures.add("gHotSpotVMStructs: " + e.getMessage());
            }
        }
        if (forced.isEmpty() || forced.equals("dcmd")) {
            try {
                return verified(DiagnosticCommandHeapInfo.read());
            } catch (IOException | RuntimeException e) {
                failures.add("GC.heap_info: " + e.getMessage());
            }
        }
        if (failures.isEmpty()) {
            failures.add("disabled by -D" + FORCE_PROPERTY + "=" + forced);
        }
        return HeapLayout.unknown(String.join("; ", failures));
    }

    private static HeapLayout fromVmStructs() throws IOException {
        Set<String> wanted = new HashSet<>(Arrays.asList(COLLECTED_HEAP, RESERVED, MEM_START, MEM_WORDS,
                Z + "_instance_p", Z + "_ZAddressOffsetMask", Z + "_ZPointerLoadShift"));
        wanted.addAll(Arrays.asList(COOPS_BASE));
        wanted.addAll(Arrays.asList(COOPS_SHIFT));
        for (int i = 0; i < LEGACY_Z.length; i++) {
            wanted.add(LEGACY_Z[i] + "_instance_p");
            wanted.add(LEGACY_Z[i] + LEGACY_Z_PREFIX[i] + "AddressOffsetMask");
            wanted.add(LEGACY_Z[i] + LEGACY_Z_PREFIX[i] + "AddressMetadataMask");
        }
        VmStructs vm = VmStructs.load(wanted);

        HeapLayout z = generationalZgc(vm);
        if (z != null) {
            return z;
        }
        for (int i = 0; i < LEGACY_Z.length; i++) {
            HeapLayout legacy = singleGenerationZgc(vm, LEGACY_Z[i], LEGACY_Z_PREFIX[i]);
            if (legacy != null) {
                return legacy;
            }
        }
        long heap = RawMemory.getLong(vm.staticAddress(COLLECTED_HEAP));
        if (heap == 0) {
            throw new IOException("Universe::_collectedHeap is not set yet");
        }
        long region = heap + vm.offset(RESERVED);
        long start = RawMemory.getLong(region + vm.offset(MEM_START));
        long words = RawMemory.getLong(region + vm.offset(MEM_WORDS));
        if (start == 0 || words <= 0) {
            throw new IOException("the collector has no reserved region (" + Hex.address(start) + ", " + words
                    + " words)");
        }
        long[] range = {start, start + words * 8};
        String source = "HotSpot gHotSpotVMStructs (reserved heap)";
        if (RawMemory.REFERENCE_SIZE == 4) {
            long base = RawMemory.getLong(vm.staticAddress(firstPresent(vm, COOPS_BASE)));
            int shift = RawMemory.getInt(vm.staticAddress(firstPresent(vm, COOPS_SHIFT)));
            return HeapLayout.known(range, source, HeapLayout.Decoding.NARROW, base, shift);
        }
        return HeapLayout.known(range, source, HeapLayout.Decoding.DIRECT, 0, 0);
    }

    private static String firstPresent(VmStructs vm, String[] names) {
        for (String n : names) {
            if (vm.has(n)) {
                return n;
            }
        }
        return names[0];
    }

    /** Generational ZGC: one range [heap base, heap base + offset max); references are coloured pointers. */
    private static HeapLayout generationalZgc(VmStructs vm) throws IOException {
        if (!vm.has(Z + "_ZPointerLoadShift") || !vm.has(Z + "_instance_p")) {
            return null;
        }
        long globals = RawMemory.getLong(vm.staticAddress(Z + "_instance_p"));
        if (globals == 0) {
            return null;
        }
        long offsetMask = RawMemory.getLong(RawMemory.getLong(globals + vm.offset(Z + "_ZAddressOffsetMask")));
        long loadShift = RawMemory.getLong(RawMemory.getLong(globals + vm.offset(Z + "_ZPointerLoadShift")));
        if (offsetMask == 0 || loadShift == 0) {
            return null; // ZGC is compiled in but not the active collector
        }
        // The heap base is a power of two above the offset bits; read it off a live object's address.
        long address = RawMemory.rawReference(new Object[] {SAMPLE}) >>> loadShift;
        long heapBase = address & ~offsetMask;
        if (Long.bitCount(heapBase) != 1 || heapBase <= offsetMask) {
            throw new IOException("ZGC heap base " + Hex.address(heapBase) + " derived from " + Hex.address(address)
                    + " is not a power of two above the offset mask " + Hex.address(offsetMask));
        }
        return HeapLayout.known(new long[] {heapBase, heapBase + offsetMask + 1},
                "HotSpot gHotSpotVMStructs (generational ZGC)", HeapLayout.Decoding.ZGC_COLOURED, 0,
                (int) loadShift);
    }

    /**
     * Single-generation ZGC maps the heap three times, at the Marked0, Marked1 and Remapped views just above the
     * offset bits; a reference's bits are an address in one of them.
     */
    private static HeapLayout singleGenerationZgc(VmStructs vm, String type, String prefix) throws IOException {
        String mask = type + prefix + "AddressOffsetMask";
        String meta = type + prefix + "AddressMetadataMask";
        if (!vm.has(mask) || !vm.has(meta) || !vm.has(type + "_instance_p")) {
            return null;
        }
        long globals = RawMemory.getLong(vm.staticAddress(type + "_instance_p"));
        if (globals == 0) {
            return null;
        }
        long offsetMask = RawMemory.getLong(RawMemory.getLong(globals + vm.offset(mask)));
        long metadataMask = RawMemory.getLong(RawMemory.getLong(globals + vm.offset(meta)));
        if (offsetMask == 0 || metadataMask == 0) {
            return null;
        }
        long marked0 = Long.lowestOneBit(metadataMask);
        long size = offsetMask + 1;
        long[] views = {marked0, marked0 + size, marked0 << 1, (marked0 << 1) + size, marked0 << 2,
            (marked0 << 2) + size};
        return HeapLayout.known(views, "HotSpot gHotSpotVMStructs (ZGC views)", HeapLayout.Decoding.DIRECT, 0, 0);
    }

    private static final Object SAMPLE = new Object();

    /** Trust a layout only when real objects (small, large, old, CDS-archived) lie inside it. */
    private static HeapLayout verified(HeapLayout layout) throws IOException {
        Object[] samples = {SAMPLE, new byte[16], new long[1 << 17], String.class, Object.class, "unsafecheck",
            Integer.valueOf(1)};
        for (Object s : samples) {
            long address = layout.addressOf(s);
            if (!layout.contains(address)) {
                throw new IOException("a " + s.getClass().getName() + " at " + Hex.address(address)
                        + " lies outside the ranges found, " + layout.describe());
            }
        }
        return layout;
    }
}
