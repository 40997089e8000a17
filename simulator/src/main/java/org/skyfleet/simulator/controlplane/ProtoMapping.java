package org.skyfleet.simulator.controlplane;

import com.google.protobuf.Timestamp;
import org.skyfleet.proto.v1.UnitType;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.UnitSpec;

/** Between the simulator's types and the skyfleet.v1 messages its control-plane clients send and receive. */
public final class ProtoMapping {
    private ProtoMapping() {
    }

    public static org.skyfleet.proto.v1.GeoPoint geoPoint(GeoPoint p) {
        return org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg()).build();
    }

    public static GeoPoint geoPoint(org.skyfleet.proto.v1.GeoPoint p) {
        return new GeoPoint(p.getLatDeg(), p.getLonDeg());
    }

    /** Epoch milliseconds as a protobuf timestamp (before 1970 too). */
    public static Timestamp timestamp(long epochMs) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMs, 1000))
                .setNanos((int) Math.floorMod(epochMs, 1000) * 1_000_000).build();
    }

    public static UnitType unitType(UnitSpec.Type t) {
        return switch (t) {
            case OFFICER_ON_FOOT -> UnitType.UNIT_TYPE_OFFICER_ON_FOOT;
            case PATROL_CAR -> UnitType.UNIT_TYPE_PATROL_CAR;
            case BOAT -> UnitType.UNIT_TYPE_BOAT;
        };
    }
}
