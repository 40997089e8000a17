package org.skyfleet.telemetry.mission;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.MavMissionResult;
import io.dronefleet.mavlink.common.MissionItemInt;
import io.dronefleet.mavlink.util.EnumValue;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;

class MissionWireTest {

    @Test
    void resultsFollowTheWireValuesNotTheJavaOrder() {
        for (MavMissionResult r : MavMissionResult.values()) {
            int value = EnumValue.of(r).value();
            assertThat(MissionWire.result(value).mavlinkName()).isEqualTo(r.name());
            assertThat(MissionWire.resultOf(MissionWire.result(value)).value()).isEqualTo(value);
        }
        assertThat(MissionWire.result(200)).isEqualTo(MissionResult.UNKNOWN);
    }

    @Test
    void typesGoOutAsMavMissionTypeValues() {
        assertThat(MissionWire.typeValue(MissionType.MISSION)).isZero();
        assertThat(MissionWire.typeValue(MissionType.FENCE)).isEqualTo(1);
        assertThat(MissionWire.typeValue(MissionType.RALLY)).isEqualTo(2);
    }

    @Test
    void anItemSurvivesTheRoundTripThroughMissionItemInt() {
        MissionItem item = new MissionItem(6, 16, 5, 2, 0, Float.NaN, 515_034_567, -1_276_543, 42.5f, false);

        MissionItemInt wire = MissionWire.toMavlink(7, 1, 3, item, MissionType.FENCE);

        assertThat(wire.seq()).isEqualTo(3);
        assertThat(wire.missionType().value()).isEqualTo(1);
        assertThat(wire.targetSystem()).isEqualTo(7);
        assertThat(MissionWire.fromMavlink(wire)).isEqualTo(item);
    }
}
