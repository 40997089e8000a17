package org.skyfleet.simulator.gcs;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionItemInt;
import org.skyfleet.simulator.world.LocalFrame;

/** MISSION_ITEM_INTs for tests, placed in metres east/north of a home point. */
public record Items(int systemId, LocalFrame frame) {

    public MissionItemInt nav(int seq, MavCmd cmd, double eastM, double northM, double altRelM, float param1, float param2) {
        return MissionItemInt.builder().targetSystem(systemId).targetComponent(1).seq(seq)
                .frame(MavFrame.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT).command(cmd).autocontinue(1)
                .param1(param1).param2(param2).x(degE7(frame.latDeg(northM))).y(degE7(frame.lonDeg(eastM)))
                .z((float) altRelM).missionType(MavMissionType.MAV_MISSION_TYPE_MISSION).build();
    }

    public MissionItemInt waypoint(int seq, double eastM, double northM, double altRelM) {
        return nav(seq, MavCmd.MAV_CMD_NAV_WAYPOINT, eastM, northM, altRelM, 0, 0);
    }

    public MissionItemInt takeoff(int seq, double altRelM) {
        return nav(seq, MavCmd.MAV_CMD_NAV_TAKEOFF, 0, 0, altRelM, 0, 0);
    }

    public MissionItemInt changeSpeed(int seq, float speedMps) {
        return MissionItemInt.builder().targetSystem(systemId).targetComponent(1).seq(seq).frame(MavFrame.MAV_FRAME_MISSION)
                .command(MavCmd.MAV_CMD_DO_CHANGE_SPEED).autocontinue(1).param1(1).param2(speedMps).param3(-1)
                .missionType(MavMissionType.MAV_MISSION_TYPE_MISSION).build();
    }

    public MissionItemInt returnToLaunch(int seq) {
        return MissionItemInt.builder().targetSystem(systemId).targetComponent(1).seq(seq).frame(MavFrame.MAV_FRAME_MISSION)
                .command(MavCmd.MAV_CMD_NAV_RETURN_TO_LAUNCH).autocontinue(1)
                .missionType(MavMissionType.MAV_MISSION_TYPE_MISSION).build();
    }

    public MissionItemInt fenceCircle(int seq, double radiusM) {
        return MissionItemInt.builder().targetSystem(systemId).targetComponent(1).seq(seq)
                .frame(MavFrame.MAV_FRAME_GLOBAL_INT).command(MavCmd.MAV_CMD_NAV_FENCE_CIRCLE_INCLUSION)
                .param1((float) radiusM).x(degE7(frame.originLatDeg())).y(degE7(frame.originLonDeg()))
                .missionType(MavMissionType.MAV_MISSION_TYPE_FENCE).build();
    }

    public static int degE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }
}
