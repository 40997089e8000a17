package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.skyfleet.proto.v1.AircraftServiceGrpc;
import org.skyfleet.proto.v1.ListVehicleAirframesRequest;

/** The aircraft records' column of {@code skyfleet vehicles}: the profile each vehicle flies as, and its flight time. */
final class AircraftColumns {
    static final String HEADER = "AIRFRAME";

    private AircraftColumns() {
    }

    /**
     * Vehicle id to "profile (model) endurance", from AircraftService; empty when the server does not offer it or
     * the caller may not read it (the rest of the table still prints).
     */
    static Map<String, String> airframes(ManagedChannel channel) {
        Map<String, String> out = new HashMap<>();
        try {
            var r = AircraftServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listVehicleAirframes(ListVehicleAirframesRequest.getDefaultInstance());
            for (var v : r.getVehiclesList()) {
                if (v.getProfileId().isEmpty() && v.getFullEnduranceS() == 0) {
                    continue;
                }
                out.put(v.getVehicleId(), v.getProfileId() + " (" + v.getModel() + ")" + (v.getFullEnduranceS() > 0
                        ? ", " + minutes(v.getAvailableS()) + " of " + minutes(v.getFullEnduranceS()) : ""));
            }
        } catch (StatusRuntimeException e) {
            out.clear();
        }
        return out;
    }

    static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
}
