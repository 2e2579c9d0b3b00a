package io.github.unsafecheck.runtime.heap;

import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs in the test JVM itself (HotSpot, G1 by default): the ranges are real. */
class HeapRangesTest {
    @Test
    void theRangesAreFoundThroughVmStructsAndHoldRealObjects() {
        HeapLayout layout = HeapRanges.layout();
        assertTrue(layout.isKnown(), layout::describe);
        assertTrue(layout.source().startsWith("HotSpot gHotSpotVMStructs"), layout::describe);
        for (Object o : new Object[] {new Object(), new byte[1 << 20], "literal", Thread.currentThread()}) {
            long a = layout.addressOf(o);
            assertTrue(HeapRanges.contains(a), () -> Long.toHexString(a) + " " + layout.describe());
        }
    }

    @Test
    void nativeAndSmallValuesAreNotHeapAddresses() {
        long malloc = RawMemory.allocate(64);
        assertFalse(HeapRanges.contains(malloc));
        assertFalse(HeapRanges.contains(0));
        assertFalse(HeapRanges.contains(42));
        assertFalse(HeapRanges.contains(-1));
        assertFalse(HeapRanges.contains(Long.MAX_VALUE));
        assertFalse(HeapRanges.contains(HeapRanges.layout().highest()));
        assertTrue(HeapRanges.contains(HeapRanges.layout().lowest()));
    }

    @Test
    void procMapsFindsTheFileOffsetZeroMapping(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path maps = dir.resolve("maps");
        Files.write(maps, List.of(
                "7f88bf000000-7f88bf2a1000 r--p 00000000 fe:00 123  /usr/lib/jvm/x/lib/server/libjvm.so",
                "7f88bf2a1000-7f88c0000000 r-xp 002a1000 fe:00 123  /usr/lib/jvm/x/lib/server/libjvm.so",
                "7f88c0000000-7f88c0001000 rw-p 00000000 00:00 0"));
        ProcMaps.Library lib = ProcMaps.findLibrary(maps, "libjvm.so");
        assertNotNull(lib);
        assertEquals(0x7f88bf000000L, lib.mapStart);
        assertEquals("/usr/lib/jvm/x/lib/server/libjvm.so", lib.path);
        assertNull(ProcMaps.findLibrary(maps, "libzip.so"));
    }

    @Test
    void theLiveLibjvmExportsTheTable() throws IOException {
        ProcMaps.Library jvm = ProcMaps.findLibrary(ProcMaps.SELF, "libjvm.so");
        assertNotNull(jvm);
        assertTrue(ElfSymbols.lookup(jvm.path, java.util.Set.of("gHotSpotVMStructs", "no_such_symbol_xyz"))
                .containsKey("gHotSpotVMStructs"));
    }
}
