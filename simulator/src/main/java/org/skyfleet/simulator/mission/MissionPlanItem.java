package org.skyfleet.simulator.mission;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionItem;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.util.EnumValue;

/**
 * One stored mission, fence or rally item, in its wire encoding so a download returns exactly what
 * was uploaded: {@code x}/{@code y} are latitude/longitude in degrees x 1e7, {@code z} is metres in
 * the item's frame, commands and frames are their MAVLink numbers.
 */
public record MissionPlanItem(int seq, int frame, int command, int autocontinue, float param1, float param2,
                              float param3, float param4, int x, int y, float z, int missionType) {
    public static final int NAV_WAYPOINT = 16;
    public static final int NAV_LOITER_TIME = 19;
    public static final int NAV_RETURN_TO_LAUNCH = 20;
    public static final int NAV_LAND = 21;
    public static final int NAV_TAKEOFF = 22;
    public static final int DO_CHANGE_SPEED = 178;
    public static final int FENCE_RETURN_POINT = 5000;
    public static final int FENCE_POLYGON_INCLUSION = 5001;
    public static final int FENCE_POLYGON_EXCLUSION = 5002;
    public static final int FENCE_CIRCLE_INCLUSION = 5003;
    public static final int FENCE_CIRCLE_EXCLUSION = 5004;
    public static final int RALLY_POINT = 5100;
    public static final int FRAME_GLOBAL = 0;
    public static final int FRAME_MISSION = 2;
    public static final int FRAME_GLOBAL_RELATIVE_ALT = 3;
    public static final int FRAME_GLOBAL_INT = 5;
    public static final int FRAME_GLOBAL_RELATIVE_ALT_INT = 6;

    public double latDeg() {
        return x / 1e7;
    }

    public double lonDeg() {
        return y / 1e7;
    }

    /** True when the item's altitude is above mean sea level rather than above home. */
    public boolean altitudeIsAmsl() {
        return frame == FRAME_GLOBAL || frame == FRAME_GLOBAL_INT;
    }

    public static MissionPlanItem of(MissionItemInt m) {
        return new MissionPlanItem(m.seq(), m.frame().value(), m.command().value(), m.autocontinue(), m.param1(),
                m.param2(), m.param3(), m.param4(), m.x(), m.y(), m.z(), m.missionType().value());
    }

    /** A legacy MISSION_ITEM, whose x/y are float degrees. */
    public static MissionPlanItem of(MissionItem m) {
        return new MissionPlanItem(m.seq(), m.frame().value(), m.command().value(), m.autocontinue(), m.param1(),
                m.param2(), m.param3(), m.param4(), (int) Math.round(m.x() * 1e7), (int) Math.round(m.y() * 1e7), m.z(),
                m.missionType().value());
    }

    public MissionItemInt toItemInt(int targetSystem, int targetComponent, boolean current) {
        return MissionItemInt.builder().targetSystem(targetSystem).targetComponent(targetComponent).seq(seq)
                .frame(EnumValue.create(MavFrame.class, frame)).command(EnumValue.create(MavCmd.class, command))
                .current(current ? 1 : 0).autocontinue(autocontinue).param1(param1).param2(param2).param3(param3)
                .param4(param4).x(x).y(y).z(z).missionType(EnumValue.create(MavMissionType.class, missionType)).build();
    }

    public MissionItem toLegacyItem(int targetSystem, int targetComponent, boolean current) {
        return MissionItem.builder().targetSystem(targetSystem).targetComponent(targetComponent).seq(seq)
                .frame(EnumValue.create(MavFrame.class, frame)).command(EnumValue.create(MavCmd.class, command))
                .current(current ? 1 : 0).autocontinue(autocontinue).param1(param1).param2(param2).param3(param3)
                .param4(param4).x((float) (x / 1e7)).y((float) (y / 1e7)).z(z)
                .missionType(EnumValue.create(MavMissionType.class, missionType)).build();
    }
}
