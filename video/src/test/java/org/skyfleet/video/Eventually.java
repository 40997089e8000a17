package org.skyfleet.video;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;

/** Waits for a condition the wire makes true in its own time, polling; fails with what was awaited. */
public final class Eventually {
    private Eventually() {
    }

    public static void within(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        // the condition is read again every 20 ms until it holds: the wait ends the moment the wire makes it true
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                Assertions.fail("not within " + limit.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(20_000_000);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted waiting for: " + what);
            }
        }
    }
}
