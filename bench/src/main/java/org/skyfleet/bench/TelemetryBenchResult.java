package org.skyfleet.bench;

/**
 * Figures of one telemetry benchmark run, over the measurement window.
 *
 * @param vehicles             simulated vehicles
 * @param rateHz               GLOBAL_POSITION_INT rate per vehicle
 * @param subscribers          gRPC subscribers streaming every vehicle
 * @param sentPositionsPerS    positions the generator sent per second
 * @param datagramsPerS        datagrams the server decoded per second (positions and heartbeats)
 * @param positionsPerS        positions the server ingested per second
 * @param deliveredPerS        state updates delivered to all subscribers per second
 * @param conflatedPerS        updates conflated for slow subscribers per second
 * @param p50Ms                median vehicle-send to subscriber-receive latency, milliseconds
 * @param p99Ms                99th percentile of that latency, milliseconds
 * @param maxMs                worst latency seen
 * @param cpuCores             process CPU used, in cores (2.0 is both cores of this machine)
 * @param heapUsedMb           heap in use at the end of the window, MiB
 * @param lostDatagrams        datagrams sent but never counted by the server (kernel buffer overflow)
 */
record TelemetryBenchResult(int vehicles, double rateHz, int subscribers, double sentPositionsPerS, double datagramsPerS,
                            double positionsPerS, double deliveredPerS, double conflatedPerS, double p50Ms, double p99Ms,
                            double maxMs, double cpuCores, double heapUsedMb, long lostDatagrams) {

    static String header() {
        return String.format("%-8s %-6s %-5s %12s %12s %12s %13s %12s %8s %8s %8s %6s %8s %10s",
                "vehicles", "rateHz", "subs", "sent_pos/s", "decoded/s", "ingest_pos/s", "delivered/s", "conflated/s",
                "p50_ms", "p99_ms", "max_ms", "cpu", "heap_MiB", "lost_dgram");
    }

    String row() {
        return String.format("%-8d %-6.0f %-5d %12.0f %12.0f %12.0f %13.0f %12.0f %8.1f %8.1f %8.1f %6.2f %8.0f %10d",
                vehicles, rateHz, subscribers, sentPositionsPerS, datagramsPerS, positionsPerS, deliveredPerS, conflatedPerS,
                p50Ms, p99Ms, maxMs, cpuCores, heapUsedMb, lostDatagrams);
    }
}
