package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.VfrHud;
import java.time.Instant;
import java.util.List;
import org.skyfleet.fleet.vehicle.AttitudeSample;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.GpsFix;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.MotionSample;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Applies one telemetry payload to a vehicle's state, converting units on the way. Returns the same
 * instance for payloads that carry nothing the state holds, so the registry publishes nothing.
 */
public final class TelemetryApplier {
    private TelemetryApplier() {
    }

    public static VehicleState apply(VehicleState s, Object payload, Instant now) {
        if (payload instanceof GlobalPositionInt p) {
            return s.withPosition(new PositionSample(MavlinkUnits.degE7ToDeg(p.lat()), MavlinkUnits.degE7ToDeg(p.lon()),
                    MavlinkUnits.mmToM(p.alt()), MavlinkUnits.mmToM(p.relativeAlt()),
                    MavlinkUnits.cmPerSToMps(p.vx()), MavlinkUnits.cmPerSToMps(p.vy()), MavlinkUnits.cmPerSToMps(p.vz()),
                    MavlinkUnits.headingCdegToDeg(p.hdg()), now));
        }
        if (payload instanceof Attitude a) {
            return s.withAttitude(new AttitudeSample(MavlinkUnits.radToDeg(a.roll()), MavlinkUnits.radToDeg(a.pitch()),
                    MavlinkUnits.yawRadToHeadingDeg(a.yaw()), now));
        }
        if (payload instanceof SysStatus st) {
            return s.withBattery(new BatterySample(MavlinkUnits.batteryPercent(st.batteryRemaining()),
                    MavlinkUnits.mvToV(st.voltageBattery()), MavlinkUnits.caToA(st.currentBattery()), now));
        }
        if (payload instanceof BatteryStatus b) {
            if (b.id() != 0) {
                return s;  // only the main battery is tracked
            }
            return s.withBattery(new BatterySample(MavlinkUnits.batteryPercent(b.batteryRemaining()),
                    packVoltageV(b.voltages()), MavlinkUnits.caToA(b.currentBattery()), now));
        }
        if (payload instanceof GpsRawInt g) {
            return s.withGps(new GpsSample(gpsFix(g.fixType().value()),
                    g.satellitesVisible() == 255 ? 0 : g.satellitesVisible(), MavlinkUnits.ephToHdop(g.eph()), now));
        }
        if (payload instanceof VfrHud h) {
            return s.withMotion(new MotionSample(h.airspeed(), h.groundspeed(), h.climb(), h.throttle(), now));
        }
        if (payload instanceof ExtendedSysState e) {
            LandedState landed = landedState(e.landedState().value());
            return landed == s.status().landedState() ? s : s.withStatus(s.status().withLandedState(landed));
        }
        if (payload instanceof HomePosition h) {
            org.skyfleet.fleet.vehicle.HomePosition home = new org.skyfleet.fleet.vehicle.HomePosition(
                    MavlinkUnits.degE7ToDeg(h.latitude()), MavlinkUnits.degE7ToDeg(h.longitude()),
                    MavlinkUnits.mmToM(h.altitude()));
            return home.equals(s.home()) ? s : s.withHome(home);
        }
        return s;
    }

    /** BATTERY_STATUS lists cell voltages in mV, 65535 for cells not present. */
    static double packVoltageV(List<Integer> cellsMv) {
        long total = 0;
        int cells = 0;
        for (Integer mv : cellsMv) {
            if (mv != null && mv != MavlinkUnits.UINT16_UNKNOWN) {
                total += mv;
                cells++;
            }
        }
        return cells == 0 ? Double.NaN : total / 1000.0;
    }

    /** GPS_FIX_TYPE: 0 no GPS, 1 no fix, 2 2D, 3 3D, 4 DGPS, 5 RTK float, 6 RTK fixed, 7 static, 8 PPP. */
    static GpsFix gpsFix(int fixType) {
        return switch (fixType) {
            case 0, 1 -> GpsFix.NO_FIX;
            case 2 -> GpsFix.FIX_2D;
            case 3, 7, 8 -> GpsFix.FIX_3D;
            case 4 -> GpsFix.DGPS;
            case 5 -> GpsFix.RTK_FLOAT;
            case 6 -> GpsFix.RTK_FIXED;
            default -> GpsFix.UNKNOWN;
        };
    }

    /** MAV_LANDED_STATE: 0 undefined, 1 on ground, 2 in air, 3 takeoff, 4 landing. */
    static LandedState landedState(int value) {
        return switch (value) {
            case 1 -> LandedState.ON_GROUND;
            case 2 -> LandedState.IN_AIR;
            case 3 -> LandedState.TAKING_OFF;
            case 4 -> LandedState.LANDING;
            default -> LandedState.UNKNOWN;
        };
    }
}
