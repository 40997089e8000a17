package org.skyfleet.telemetry.mission;

import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.MavFrame;
import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MavMissionType;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.util.EnumValue;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;

/** Mission items, types and results between the domain and dronefleet's MAVLink classes, by wire value. */
public final class MissionWire {
    private static final MissionResult[] RESULTS_BY_VALUE = {
        MissionResult.ACCEPTED, MissionResult.ERROR, MissionResult.UNSUPPORTED_FRAME, MissionResult.UNSUPPORTED,
        MissionResult.NO_SPACE, MissionResult.INVALID, MissionResult.INVALID_PARAM1, MissionResult.INVALID_PARAM2,
        MissionResult.INVALID_PARAM3, MissionResult.INVALID_PARAM4, MissionResult.INVALID_PARAM5_X,
        MissionResult.INVALID_PARAM6_Y, MissionResult.INVALID_PARAM7, MissionResult.INVALID_SEQUENCE,
        MissionResult.DENIED, MissionResult.OPERATION_CANCELLED,
    };

    private MissionWire() {
    }

    /** MAV_MISSION_TYPE wire value: 0 mission, 1 fence, 2 rally. */
    public static int typeValue(MissionType type) {
        return switch (type) {
            case MISSION -> 0;
            case FENCE -> 1;
            case RALLY -> 2;
        };
    }

    public static EnumValue<MavMissionType> typeOf(MissionType type) {
        return EnumValue.create(MavMissionType.class, typeValue(type));
    }

    /** MAV_MISSION_RESULT wire value to the domain's result; values this build does not know are UNKNOWN. */
    public static MissionResult result(int value) {
        return value >= 0 && value < RESULTS_BY_VALUE.length ? RESULTS_BY_VALUE[value] : MissionResult.UNKNOWN;
    }

    /** The domain's result to its MAV_MISSION_RESULT wire value (UNKNOWN goes out as ERROR). */
    public static EnumValue<MavMissionResult> resultOf(MissionResult result) {
        for (int value = 0; value < RESULTS_BY_VALUE.length; value++) {
            if (RESULTS_BY_VALUE[value] == result) {
                return EnumValue.create(MavMissionResult.class, value);
            }
        }
        return EnumValue.create(MavMissionResult.class, 1);
    }

    public static MissionItemInt toMavlink(int targetSystem, int targetComponent, int seq, MissionItem item,
                                           MissionType type) {
        return MissionItemInt.builder().targetSystem(targetSystem).targetComponent(targetComponent).seq(seq)
                .frame(EnumValue.create(MavFrame.class, item.frame()))
                .command(EnumValue.create(MavCmd.class, item.command()))
                .current(0).autocontinue(item.autocontinue() ? 1 : 0)
                .param1(item.param1()).param2(item.param2()).param3(item.param3()).param4(item.param4())
                .x(item.xDegE7()).y(item.yDegE7()).z(item.zM())
                .missionType(typeOf(type)).build();
    }

    public static MissionItem fromMavlink(MissionItemInt m) {
        return new MissionItem(m.frame().value(), m.command().value(), m.param1(), m.param2(), m.param3(),
                m.param4(), m.x(), m.y(), m.z(), m.autocontinue() != 0);
    }
}
