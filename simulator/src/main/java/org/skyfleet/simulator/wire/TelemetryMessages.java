package org.skyfleet.simulator.wire;

import io.dronefleet.mavlink.common.Attitude;
import io.dronefleet.mavlink.common.AutopilotVersion;
import io.dronefleet.mavlink.common.BatteryStatus;
import io.dronefleet.mavlink.common.ExtendedSysState;
import io.dronefleet.mavlink.common.GlobalPositionInt;
import io.dronefleet.mavlink.common.GpsFixType;
import io.dronefleet.mavlink.common.GpsRawInt;
import io.dronefleet.mavlink.common.HomePosition;
import io.dronefleet.mavlink.common.MavBatteryFunction;
import io.dronefleet.mavlink.common.MavBatteryType;
import io.dronefleet.mavlink.common.MavLandedState;
import io.dronefleet.mavlink.common.MavProtocolCapability;
import io.dronefleet.mavlink.common.MavVtolState;
import io.dronefleet.mavlink.common.SmartBatteryInfo;
import io.dronefleet.mavlink.common.SysStatus;
import io.dronefleet.mavlink.common.VfrHud;
import io.dronefleet.mavlink.minimal.Heartbeat;
import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavModeFlag;
import io.dronefleet.mavlink.minimal.MavType;
import io.dronefleet.mavlink.util.EnumValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.simulator.autopilot.Autopilot;
import org.skyfleet.simulator.autopilot.FlightMode;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
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
    static final int MISSION_CURRENT = 42;
    static final int AUTOPILOT_VERSION = 148;
    static final int SMART_BATTERY_INFO = 370;
    /** PX4 v1.14.0 release: major, minor, patch, FIRMWARE_VERSION_TYPE_OFFICIAL (255). */
    private static final long PX4_VERSION = (1L << 24) | (14L << 16) | (0L << 8) | 255L;
    /** ArduPilot 4.0.0 official: the last releases that still needed REQUEST_DATA_STREAM. */
    private static final long ARDUPILOT_VERSION = (4L << 24) | 255L;

    private TelemetryMessages() {
    }

    static Object build(int messageId, SimVehicle v, Autopilot ap, long timeBootMs) {
        return switch (messageId) {
            case HEARTBEAT -> heartbeat(v, ap);
            case MISSION_CURRENT -> ap.missionCurrentMessage();
            case AUTOPILOT_VERSION -> autopilotVersion(v);
            case SMART_BATTERY_INFO -> SmartBatteryInfo.builder().id(0).batteryFunction(MavBatteryFunction.MAV_BATTERY_FUNCTION_ALL)
                    .type(MavBatteryType.MAV_BATTERY_TYPE_LIPO).capacityFullSpecification(v.battery().ratedCapacityMah())
                    .capacityFull(v.battery().ratedCapacityMah()).cycleCount(0).serialNumber(v.battery().serialFor(v.systemId()))
                    .cellsInSeries(4).build();
            case SYS_STATUS -> SysStatus.builder().load(300).voltageBattery(v.battery().voltageMv())
                    .currentBattery(v.battery().currentCa(ap.armed()))
                    .batteryRemaining((int) Math.round(v.batteryPercent())).build();
            case GPS_RAW_INT -> {
                double[] ll = v.measuredLatLonDeg();
                yield GpsRawInt.builder().timeUsec(BigInteger.valueOf(timeBootMs * 1000))
                        .fixType(v.gps().hasFix() ? GpsFixType.GPS_FIX_TYPE_3D_FIX : GpsFixType.GPS_FIX_TYPE_NO_FIX).lat(degE7(ll[0])).lon(degE7(ll[1]))
                        .alt((int) Math.round(v.altitudeAmslM() * 1000)).eph(v.gps().ephCm()).epv(120)
                        .vel((int) Math.round(v.groundSpeedMps() * 100)).cog((int) Math.round(v.headingDeg() * 100))
                        .satellitesVisible(v.gps().satellites()).build();
            }
            case ATTITUDE -> Attitude.builder().timeBootMs(timeBootMs).roll(0.02f).pitch(-0.05f)
                    .yaw((float) Math.toRadians(v.headingDeg() > 180 ? v.headingDeg() - 360 : v.headingDeg())).build();
            case GLOBAL_POSITION_INT -> {
                double[] ll = v.measuredLatLonDeg();
                yield GlobalPositionInt.builder().timeBootMs(timeBootMs).lat(degE7(ll[0])).lon(degE7(ll[1]))
                        .alt((int) Math.round(v.altitudeAmslM() * 1000)).relativeAlt((int) Math.round(v.altitudeRelM() * 1000))
                        .vx((int) Math.round(v.velocityNorthMps() * 100)).vy((int) Math.round(v.velocityEastMps() * 100))
                        .vz((int) Math.round(-v.climbMps() * 100)).hdg((int) Math.round(v.headingDeg() * 100) % 36000).build();
            }
            case VFR_HUD -> VfrHud.builder().airspeed((float) v.airspeedMps()).groundspeed((float) v.groundSpeedMps())
                    .heading((int) Math.round(v.headingDeg()) % 360).throttle(ap.armed() ? 45 : 0).alt((float) v.altitudeAmslM())
                    .climb((float) v.climbMps()).build();
            case BATTERY_STATUS -> BatteryStatus.builder().id(0).batteryFunction(MavBatteryFunction.MAV_BATTERY_FUNCTION_ALL)
                    .type(MavBatteryType.MAV_BATTERY_TYPE_LIPO).temperature(2500)
                    .voltages(List.of(v.battery().voltageMv(), 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535))
                    .currentBattery(v.battery().currentCa(ap.armed())).currentConsumed(-1).energyConsumed(-1)
                    .batteryRemaining((int) Math.round(v.batteryPercent())).timeRemaining(v.battery().timeRemainingS()).build();
            case HOME_POSITION -> HomePosition.builder().latitude(degE7(v.frame().latDeg(v.homeNorthM())))
                    .longitude(degE7(v.frame().lonDeg(v.homeEastM()))).altitude((int) Math.round(v.homeAltAmslM() * 1000))
                    .q(List.of(1f, 0f, 0f, 0f)).build();
            case EXTENDED_SYS_STATE -> ExtendedSysState.builder().vtolState(MavVtolState.MAV_VTOL_STATE_UNDEFINED)
                    .landedState(landedState(v)).build();
            default -> null;
        };
    }

    /** AUTOPILOT_VERSION with the protocol capabilities the simulated autopilot really has. */
    private static AutopilotVersion autopilotVersion(SimVehicle v) {
        List<Enum> capabilities = List.of(MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_FLOAT,
                MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_INT, MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_COMMAND_INT,
                MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_SET_POSITION_TARGET_GLOBAL_INT,
                MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MAVLINK2, MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_FENCE,
                MavProtocolCapability.MAV_PROTOCOL_CAPABILITY_MISSION_RALLY);
        return AutopilotVersion.builder().capabilities(capabilities)
                .flightSwVersion(v.flavour() == AutopilotFlavour.PX4 ? PX4_VERSION : ARDUPILOT_VERSION)
                .vendorId(0x26ac).productId(0x11).uid(BigInteger.valueOf(0x5F5F0000L + v.systemId())).build();
    }

    private static MavLandedState landedState(SimVehicle v) {
        if (v.kind() == SimVehicleKind.GROUND_ROVER || !v.airborne()) {
            return MavLandedState.MAV_LANDED_STATE_ON_GROUND;
        }
        if (v.climbMps() > 0.3 && v.altitudeRelM() < 2) {
            return MavLandedState.MAV_LANDED_STATE_TAKEOFF;
        }
        return v.climbMps() < -0.3 && v.altitudeRelM() < 10 ? MavLandedState.MAV_LANDED_STATE_LANDING
                : MavLandedState.MAV_LANDED_STATE_IN_AIR;
    }

    /**
     * HEARTBEAT as PX4 fills it: MAV_MODE_FLAG_CUSTOM_MODE_ENABLED always, SAFETY_ARMED when armed,
     * AUTO/GUIDED/STABILIZE for the autonomous modes (MANUAL_INPUT for position control), the custom
     * mode from {@link FlightMode#customMode}, STANDBY/ACTIVE/CRITICAL as system status.
     */
    static Heartbeat heartbeat(SimVehicle v, Autopilot ap) {
        List<Enum> flags = new ArrayList<>(List.of(MavModeFlag.MAV_MODE_FLAG_CUSTOM_MODE_ENABLED,
                MavModeFlag.MAV_MODE_FLAG_STABILIZE_ENABLED, MavModeFlag.MAV_MODE_FLAG_GUIDED_ENABLED));
        flags.add(ap.mode().isAuto() ? MavModeFlag.MAV_MODE_FLAG_AUTO_ENABLED : MavModeFlag.MAV_MODE_FLAG_MANUAL_INPUT_ENABLED);
        if (ap.armed()) {
            flags.add(MavModeFlag.MAV_MODE_FLAG_SAFETY_ARMED);
        }
        return Heartbeat.builder()
                .type(EnumValue.create(MavType.class, v.kind().mavType()))
                .autopilot(EnumValue.create(MavAutopilot.class, v.flavour().mavAutopilot()))
                .baseMode(flags)
                .customMode(ap.mode().customMode(v.flavour(), v.kind())).systemStatus(ap.systemStatus())
                .mavlinkVersion(3).build();
    }

    private static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
