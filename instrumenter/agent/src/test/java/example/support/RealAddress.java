package example.support;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The real address of a heap byte array, found without unsafecheck's help so that tests have an independent
 * oracle. On JDK 22+ it asks native code: a critical downcall of memchr over the array returns a pointer to its first
 * element, whatever the collector. On JDK 17 it reads the reference's bits through Unsafe and decodes compressed
 * oops with the base and shift the JVM prints in VM.info; ZGC's bits are already an address there.
 */
public final class RealAddress {
    private static final Pattern COOPS = Pattern.compile(
            "Compressed Oops mode: (?:(32-bit)|Zero based|Non-zero (?:disjoint )?base(?:d)?:? ?(0x[0-9a-fA-F]+)?)"
                    + "(?:, Oop shift amount: (\\d+))?");

    private RealAddress() {
    }

    public static long of(byte[] array) {
        if (Runtime.version().feature() >= 22) {
            try {
                return (long) Class.forName("example.oracle.FfmAddress").getMethod("of", byte[].class)
                        .invoke(null, (Object) array);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        Object[] holder = {array};
        long base = Unsafes.U.arrayBaseOffset(Object[].class);
        if (Unsafes.U.arrayIndexScale(Object[].class) == 8) {
            return Unsafes.U.getLong(holder, base) + Unsafes.U.arrayBaseOffset(byte[].class);
        }
        long narrow = Unsafes.U.getInt(holder, base) & 0xFFFF_FFFFL;
        Matcher m = COOPS.matcher(vmInfo());
        if (!m.find()) {
            throw new IllegalStateException("VM.info has no compressed oops mode");
        }
        long heapBase = m.group(2) == null ? 0 : Long.parseLong(m.group(2).substring(2), 16);
        int shift = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return heapBase + (narrow << shift) + Unsafes.U.arrayBaseOffset(byte[].class);
    }

    private static String vmInfo() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmInfo",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
