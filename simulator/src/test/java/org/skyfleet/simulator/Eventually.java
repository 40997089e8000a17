package org.skyfleet.simulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does (a gRPC callback), up to a deadline. */
public final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private Eventually() {
    }

    public static void await(String what, BooleanSupplier condition) {
        await(DEADLINE, what, condition);
    }

    /** As {@link #await(String, BooleanSupplier)}, up to {@code limit}. */
    public static void await(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
