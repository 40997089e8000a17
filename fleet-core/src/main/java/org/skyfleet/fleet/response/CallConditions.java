package org.skyfleet.fleet.response;

import java.util.Map;

/**
 * The weather and light at the scene when the call comes in.
 *
 * @param windMps         the latest wind reported to the server (gusts included), metres per second; NaN when nobody
 *                        reported one
 * @param night           the sun is below the horizon there
 * @param measuredWindMps the fresh wind each drone's own telemetry gives (WIND_COV, WIND), metres per second, by
 *                        vehicle id; a drone missing here measured none lately
 */
public record CallConditions(double windMps, boolean night, Map<String, Double> measuredWindMps) {
    public CallConditions {
        measuredWindMps = measuredWindMps == null ? Map.of() : Map.copyOf(measuredWindMps);
    }

    /** Only the reported wind. */
    public CallConditions(double windMps, boolean night) {
        this(windMps, night, Map.of());
    }

    /** The wind a drone would fly in: the stronger of the reported one and its own measurement; NaN when neither is known. */
    public double windFor(String vehicleId) {
        Double measured = measuredWindMps.get(vehicleId);
        if (measured == null || measured.isNaN()) {
            return windMps;
        }
        return Double.isNaN(windMps) ? measured : Math.max(windMps, measured);
    }
}
