package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavBatteryFunction;
import io.dronefleet.mavlink.common.MavBatteryType;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.common.MavVtolState;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavState;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.util.List;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.SimVehicleKind;

/** Builds the telemetry messages an autopilot sends, from a simulated vehicle's state, in wire units. */
final class TelemetryMessages {
    static final int HEARTBEAT = 0;
    static final int SYS_STATUS = 1;
    static final int GPS_RAW_INT = 24;
    static final int ATTITUDE = 30;
    static final int GLOBAL_POSITION_INT = 33;
    static final int VFR_HUD = 74;
    static final int BATTERY_STATUS = 147;
    static final int HOME_POSITION = 242;
    static final int EXTENDED_SYS_STATE = 245;
    /** PX4 custom mode: main mode AUTO (4) in bits 16..23, sub mode MISSION (4) in bits 24..31. */
    static final long PX4_AUTO_MISSION = (4L << 16) | (4L << 24);
    /** ArduPilot Rover/Copter AUTO modes. */
    static final long ARDU_ROVER_AUTO = 10;
    static final long ARDU_COPTER_AUTO = 3;

    private TelemetryMessages() {
    }

    static Object build(int messageId, SimVehicle v, long timeBootMs) {
        return switch (messageId) {
            case HEARTBEAT -> heartbeat(v);
            case SYS_STATUS -> SysStatus.builder().load(300).voltageBattery(voltageMv(v)).currentBattery(1500)
                    .batteryRemaining((int) Math.round(v.batteryPercent())).build();
            case GPS_RAW_INT -> {
                double[] ll = v.measuredLatLonDeg();
                yield GpsRawInt.builder().timeUsec(BigInteger.valueOf(timeBootMs * 1000))
                        .fixType(GpsFixType.GPS_FIX_TYPE_3D_FIX).lat(degE7(ll[0])).lon(degE7(ll[1]))
                        .alt((int) Math.round(v.altitudeAmslM() * 1000)).eph(80).epv(120)
                        .vel((int) Math.round(v.speedMps() * 100)).cog((int) Math.round(v.headingDeg() * 100))
                        .satellitesVisible(14).build();
            }
            case ATTITUDE -> Attitude.builder().timeBootMs(timeBootMs).roll(0.02f).pitch(-0.05f)
                    .yaw((float) Math.toRadians(v.headingDeg() > 180 ? v.headingDeg() - 360 : v.headingDeg())).build();
            case GLOBAL_POSITION_INT -> {
                double[] ll = v.measuredLatLonDeg();
                yield GlobalPositionInt.builder().timeBootMs(timeBootMs).lat(degE7(ll[0])).lon(degE7(ll[1]))
                        .alt((int) Math.round(v.altitudeAmslM() * 1000)).relativeAlt((int) Math.round(v.altitudeRelM() * 1000))
                        .vx((int) Math.round(v.velocityNorthMps() * 100)).vy((int) Math.round(v.velocityEastMps() * 100))
                        .vz(0).hdg((int) Math.round(v.headingDeg() * 100) % 36000).build();
            }
            case VFR_HUD -> VfrHud.builder().airspeed((float) v.speedMps()).groundspeed((float) v.speedMps())
                    .heading((int) Math.round(v.headingDeg()) % 360).throttle(45).alt((float) v.altitudeAmslM())
                    .climb(0f).build();
            case BATTERY_STATUS -> BatteryStatus.builder().id(0).batteryFunction(MavBatteryFunction.MAV_BATTERY_FUNCTION_ALL)
                    .type(MavBatteryType.MAV_BATTERY_TYPE_LIPO).temperature(2500)
                    .voltages(List.of(voltageMv(v), 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535))
                    .currentBattery(1500).currentConsumed(-1).energyConsumed(-1)
                    .batteryRemaining((int) Math.round(v.batteryPercent())).build();
            case HOME_POSITION -> HomePosition.builder().latitude(degE7(v.frame().originLatDeg()))
                    .longitude(degE7(v.frame().originLonDeg())).altitude((int) Math.round(v.homeAltAmslM() * 1000))
                    .q(List.of(1f, 0f, 0f, 0f)).build();
            case EXTENDED_SYS_STATE -> ExtendedSysState.builder().vtolState(MavVtolState.MAV_VTOL_STATE_UNDEFINED)
                    .landedState(v.kind() == SimVehicleKind.GROUND_ROVER || v.altitudeRelM() <= 0
                            ? MavLandedState.MAV_LANDED_STATE_ON_GROUND : MavLandedState.MAV_LANDED_STATE_IN_AIR).build();
            default -> null;
        };
    }

    private static Heartbeat heartbeat(SimVehicle v) {
        boolean px4 = v.flavour().mavAutopilot() == 12;
        long customMode = px4 ? PX4_AUTO_MISSION
                : v.kind() == SimVehicleKind.GROUND_ROVER ? ARDU_ROVER_AUTO : ARDU_COPTER_AUTO;
        return Heartbeat.builder()
                .type(EnumValue.create(MavType.class, v.kind().mavType()))
                .autopilot(EnumValue.create(MavAutopilot.class, v.flavour().mavAutopilot()))
                .baseMode(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED, MavModeFlag.MAV_MODE_FLAG_SAFETY_ARMED,
                        MavModeFlag.MAV_MODE_FLAG_AUTO_ENABLED, MavModeFlag.MAV_MODE_FLAG_GUIDED_ENABLED)
                .customMode(customMode).systemStatus(MavState.MAV_STATE_ACTIVE).mavlinkVersion(3).build();
    }

    private static int voltageMv(SimVehicle v) {
        return (int) Math.round(1000 * (14.0 + 2.8 * v.batteryPercent() / 100.0));  // 4S LiPo, 14.0..16.8 V
    }

    private static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
