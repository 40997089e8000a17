package org.skyfleet.simulator.sensor;

/**
 * Where sighting reports go: a log file today ({@link LogFileDetectionSink}); a gRPC client calling
 * SightingService.ReportSighting once that service exists. Called on the simulation thread, so an
 * implementation must not block for long.
 */
public interface DetectionSink extends AutoCloseable {

    void report(SightingReport report);

    @Override
    default void close() {
    }

    /** Drops every report. */
    static DetectionSink discard() {
        return report -> { };
    }
}
