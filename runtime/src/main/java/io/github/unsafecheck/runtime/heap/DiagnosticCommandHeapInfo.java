package io.github.unsafecheck.runtime.heap;

import io.github.unsafecheck.runtime.raw.RawMemory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The fallback route to the heap ranges: the {@code GC.heap_info} and {@code VM.info} diagnostic commands, asked
 * in-process through the platform MBean server. Slow (it boots the MBean server: 150–600 ms) and blind to ZGC, so it
 * only runs when {@code gHotSpotVMStructs} cannot be read.
 */
final class DiagnosticCommandHeapInfo {
    private static final Pattern RANGE = Pattern.compile("\\[(0x[0-9a-fA-F]+),\\s*(?:0x[0-9a-fA-F]+,\\s*)?(0x[0-9a-fA-F]+)\\)");
    private static final Pattern COOPS = Pattern.compile(
            "Compressed Oops mode: (?:(32-bit)|Zero based|Non-zero (?:disjoint )?base(?:d)?:? ?(0x[0-9a-fA-F]+)?)"
                    + "(?:, Oop shift amount: (\\d+))?");

    private DiagnosticCommandHeapInfo() {
    }

    static HeapLayout read() throws IOException {
        String heapInfo = invoke("gcHeapInfo");
        long lo = Long.MAX_VALUE;
        long hi = 0;
        Matcher m = RANGE.matcher(heapInfo);
        while (m.find()) {
            lo = Math.min(lo, Long.parseUnsignedLong(m.group(1).substring(2), 16));
            hi = Math.max(hi, Long.parseUnsignedLong(m.group(2).substring(2), 16));
        }
        if (hi == 0) {
            throw new IOException("GC.heap_info printed no address range");
        }
        long[] range = {lo, hi};
        String source = "GC.heap_info diagnostic command";
        if (RawMemory.REFERENCE_SIZE == 8) {
            return HeapLayout.known(range, source, HeapLayout.Decoding.DIRECT, 0, 0);
        }
        Matcher c = COOPS.matcher(invoke("vmInfo"));
        if (!c.find()) {
            throw new IOException("VM.info printed no compressed-oops mode");
        }
        long base = c.group(2) == null ? 0 : Long.parseUnsignedLong(c.group(2).substring(2), 16);
        int shift = c.group(3) == null ? 0 : Integer.parseInt(c.group(3));
        return HeapLayout.known(range, source, HeapLayout.Decoding.NARROW, base, shift);
    }

    private static String invoke(String operation) throws IOException {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
            return (String) server.invoke(name, operation, new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IOException("diagnostic command " + operation + " failed: " + e, e);
        }
    }
}
