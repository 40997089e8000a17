package org.skyfleet.server.aircraft;

import com.google.protobuf.Timestamp;
import org.skyfleet.fleet.airframe.AirframeBinding;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeType;
import org.skyfleet.proto.v1.AirframeBindingSource;
import org.skyfleet.proto.v1.VehicleAirframe;

/** Airframe profiles and bindings between the API and the domain. */
final class AircraftProtoMapper {
    private AircraftProtoMapper() {
    }

    /** @throws IllegalArgumentException when the type is unset or unknown (the figures are checked by the domain) */
    static AirframeProfile profile(org.skyfleet.proto.v1.AirframeProfile p) {
        AirframeType type = switch (p.getType()) {
            case AIRFRAME_TYPE_MULTICOPTER -> AirframeType.MULTICOPTER;
            case AIRFRAME_TYPE_FIXED_WING -> AirframeType.FIXED_WING;
            case AIRFRAME_TYPE_VTOL -> AirframeType.VTOL;
            case AIRFRAME_TYPE_GROUND_ROBOT -> AirframeType.GROUND_ROBOT;
            default -> throw new IllegalArgumentException("airframe profile '" + p.getProfileId()
                    + "': type is required (AIRFRAME_TYPE_MULTICOPTER, _FIXED_WING, _VTOL or _GROUND_ROBOT)");
        };
        return new AirframeProfile(p.getProfileId(), p.getModel(), type, p.getCruiseSpeedMS(), p.getMaxSpeedMS(),
                p.getClimbRateMS(), p.getRatedEnduranceS(), p.getWindLimitMS(), p.getPayload(), p.getAutopilot(),
                (int) Math.min(Integer.MAX_VALUE, p.getAutopilotVendorId() & 0xFFFFFFFFL),
                (int) Math.min(Integer.MAX_VALUE, p.getAutopilotProductId() & 0xFFFFFFFFL), p.getMaintenanceIntervalH(),
                (int) Math.min(Integer.MAX_VALUE, p.getMaintenanceIntervalFlights() & 0xFFFFFFFFL));
    }

    static org.skyfleet.proto.v1.AirframeProfile proto(AirframeProfile p) {
        return org.skyfleet.proto.v1.AirframeProfile.newBuilder().setProfileId(p.profileId()).setModel(p.model())
                .setType(org.skyfleet.proto.v1.AirframeType.forNumber(p.type().ordinal() + 1))
                .setCruiseSpeedMS(p.cruiseSpeedMps()).setMaxSpeedMS(p.maxSpeedMps()).setClimbRateMS(p.climbRateMps())
                .setRatedEnduranceS(p.ratedEnduranceS()).setWindLimitMS(p.windLimitMps()).setPayload(p.payload())
                .setAutopilot(p.autopilot()).setAutopilotVendorId(p.autopilotVendorId()).setAutopilotProductId(p.autopilotProductId())
                .setMaintenanceIntervalH(p.maintenanceIntervalH()).setMaintenanceIntervalFlights(p.maintenanceIntervalFlights()).build();
    }

    /** A vehicle with its binding (null: bound to none). */
    static VehicleAirframe.Builder vehicle(String vehicleId, AirframeBinding b, AirframeProfile p) {
        VehicleAirframe.Builder v = VehicleAirframe.newBuilder().setVehicleId(vehicleId);
        if (b != null) {
            v.setProfileId(b.profileId()).setBoundBy(b.boundBy())
                    .setSource(b.source() == AirframeBinding.Source.OPERATOR ? AirframeBindingSource.AIRFRAME_BINDING_SOURCE_OPERATOR
                            : AirframeBindingSource.AIRFRAME_BINDING_SOURCE_AUTOPILOT_VERSION)
                    .setBoundAt(Timestamp.newBuilder().setSeconds(b.boundAt().getEpochSecond()).setNanos(b.boundAt().getNano()));
        }
        if (p != null) {
            v.setModel(p.model());
        }
        return v;
    }
}
