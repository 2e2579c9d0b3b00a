package io.github.unsafecheck.benchmarks.stores;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The lowest address of the Java heap, from HotSpot's {@code gcHeapInfo} diagnostic command. The heap→heap
 * benchmarks store values that lie inside the heap, so that with the agent the pointer rule does not stop at step 1
 * ("not a heap pointer") but reaches step 2 ("the destination is heap memory"): the dearer of the two common paths.
 */
final class HeapAddress {
    private static final Pattern FIRST_RANGE = Pattern.compile("\\[(0x[0-9a-fA-F]+),");

    private HeapAddress() {
    }

    static long lowest() {
        String info;
        try {
            info = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
                    new Object[] {null}, new String[] {String[].class.getName()}));
        } catch (Exception e) {
            throw new IllegalStateException("cannot run gcHeapInfo", e);
        }
        Matcher m = FIRST_RANGE.matcher(info);
        if (!m.find()) {
            // Better no figure than a figure that silently measures step 1 only.
            throw new IllegalStateException("no heap range in gcHeapInfo output: " + info);
        }
        return Long.parseUnsignedLong(m.group(1).substring(2), 16);
    }
}
