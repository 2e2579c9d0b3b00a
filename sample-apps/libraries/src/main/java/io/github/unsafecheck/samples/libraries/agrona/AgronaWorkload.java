package io.github.unsafecheck.samples.libraries.agrona;

import io.github.unsafecheck.samples.libraries.Expect;

/**
 * Correct, heavy use of Agrona's off-heap buffers. Run with Agrona 1.x ({@code sun.misc.Unsafe}) or 2.x
 * ({@code jdk.internal.misc.Unsafe}, with {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}) on the
 * class path: the API used here is the same in both. Prints one {@code ok} line per section; any wrong value read
 * back throws.
 */
public final class AgronaWorkload {
    private AgronaWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        Expect expect = new Expect();
        System.out.println("agrona from " + org.agrona.DirectBuffer.class.getProtectionDomain().getCodeSource().getLocation());
        UnsafeBufferWorkload.run(expect);
        ExpandableWorkload.run(expect);
        RingBufferWorkload.run(expect);
        System.out.println("done");
    }
}
