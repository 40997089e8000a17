package org.skyfleet.server.grpc;

import io.grpc.Status;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.BoundingBox;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;

/**
 * Turns a stream request into a predicate over vehicle states, or fails with the precise status and a
 * message that says what to fix.
 */
final class StateFilter {
    static final int MAX_VEHICLE_IDS = 10_000;

    private StateFilter() {
    }

    static Predicate<VehicleState> from(StreamVehicleStatesRequest request, VehicleRegistry registry) {
        Set<String> ids = vehicleIds(request.getVehicleIdsList(), registry);
        Predicate<VehicleState> filter = ids.isEmpty() ? s -> true : s -> ids.contains(s.vehicleId());
        if (request.hasArea()) {
            BoundingBox box = validArea(request.getArea());
            filter = filter.and(s -> s.position() != null
                    && s.position().latDeg() >= box.getSouthLatDeg() && s.position().latDeg() <= box.getNorthLatDeg()
                    && s.position().lonDeg() >= box.getWestLonDeg() && s.position().lonDeg() <= box.getEastLonDeg());
        }
        return filter;
    }

    /** 0 for no limit. */
    static double maxRateHz(StreamVehicleStatesRequest request) {
        if (!request.hasMaxRateHz()) {
            return 0;
        }
        double hz = request.getMaxRateHz();
        if (!Double.isFinite(hz) || hz <= 0) {
            throw Status.INVALID_ARGUMENT.withDescription("max_rate_hz must be a finite number > 0 (or unset for no limit), got "
                    + hz).asRuntimeException();
        }
        return hz;
    }

    static Set<String> vehicleIds(List<String> requested, VehicleRegistry registry) {
        if (requested.size() > MAX_VEHICLE_IDS) {
            throw Status.INVALID_ARGUMENT.withDescription("at most " + MAX_VEHICLE_IDS + " vehicle_ids per request, got "
                    + requested.size()).asRuntimeException();
        }
        for (String id : requested) {
            if (id.isBlank()) {
                throw Status.INVALID_ARGUMENT.withDescription("vehicle_ids must not contain an empty id").asRuntimeException();
            }
            if (registry.find(id).isEmpty()) {
                throw Status.NOT_FOUND.withDescription("unknown vehicle '" + abbreviate(id)
                        + "'; ListVehicles shows the known ids").asRuntimeException();
            }
        }
        return Set.copyOf(requested);
    }

    static BoundingBox validArea(BoundingBox b) {
        double s = b.getSouthLatDeg();
        double n = b.getNorthLatDeg();
        double w = b.getWestLonDeg();
        double e = b.getEastLonDeg();
        if (!Double.isFinite(s) || !Double.isFinite(n) || !Double.isFinite(w) || !Double.isFinite(e)) {
            throw invalid("area: every bound must be a finite number of degrees");
        }
        if (s < -90 || s > 90 || n < -90 || n > 90) {
            throw invalid("area: latitudes must be within -90..90 degrees, got south " + s + ", north " + n);
        }
        if (w < -180 || w > 180 || e < -180 || e > 180) {
            throw invalid("area: longitudes must be within -180..180 degrees, got west " + w + ", east " + e);
        }
        if (s > n) {
            throw invalid("area is inverted: south_lat_deg " + s + " is north of north_lat_deg " + n);
        }
        if (w > e) {
            throw invalid("area is inverted: west_lon_deg " + w + " is east of east_lon_deg " + e
                    + " (areas across the antimeridian are not supported)");
        }
        return b;
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
