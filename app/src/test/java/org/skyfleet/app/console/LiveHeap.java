package org.skyfleet.app.console;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The live heap: bytes in use after full collections, the figure a leak test compares before and after a
 * load (and a benchmark can report). A few collections in a row, since one may leave objects a finaliser
 * or a reference queue releases only on the next; the smallest reading is taken.
 */
public final class LiveHeap {
    private static final int COLLECTIONS = 4;

    private LiveHeap() {
    }

    /** Heap bytes still used after {@value #COLLECTIONS} requested full collections. */
    public static long usedBytes() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.onSpinWait();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Megabytes, for messages. */
    public static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
