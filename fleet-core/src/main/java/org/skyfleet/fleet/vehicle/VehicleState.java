package org.skyfleet.fleet.vehicle;

import java.util.Objects;

/**
 * An immutable snapshot of everything known about one vehicle. Each part carries the instant it was
 * received, so a reader can tell live data from stale; a part never reported is {@code null}.
 * {@code version} increases by one with every change the registry applies.
 */
public record VehicleState(VehicleIdentity identity, FlightStatus status, PositionSample position,
                           AttitudeSample attitude, BatterySample battery, GpsSample gps, MotionSample motion,
                           HomePosition home, long version) {

    public VehicleState {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
    }

    public String vehicleId() {
        return identity.vehicleId();
    }

    public VehicleState withIdentity(VehicleIdentity v) {
        return new VehicleState(v, status, position, attitude, battery, gps, motion, home, version);
    }

    public VehicleState withStatus(FlightStatus v) {
        return new VehicleState(identity, v, position, attitude, battery, gps, motion, home, version);
    }

    public VehicleState withPosition(PositionSample v) {
        return new VehicleState(identity, status, v, attitude, battery, gps, motion, home, version);
    }

    public VehicleState withAttitude(AttitudeSample v) {
        return new VehicleState(identity, status, position, v, battery, gps, motion, home, version);
    }

    public VehicleState withBattery(BatterySample v) {
        return new VehicleState(identity, status, position, attitude, v, gps, motion, home, version);
    }

    public VehicleState withGps(GpsSample v) {
        return new VehicleState(identity, status, position, attitude, battery, v, motion, home, version);
    }

    public VehicleState withMotion(MotionSample v) {
        return new VehicleState(identity, status, position, attitude, battery, gps, v, home, version);
    }

    public VehicleState withHome(HomePosition v) {
        return new VehicleState(identity, status, position, attitude, battery, gps, motion, v, version);
    }

    VehicleState withVersion(long v) {
        return new VehicleState(identity, status, position, attitude, battery, gps, motion, home, v);
    }
}
