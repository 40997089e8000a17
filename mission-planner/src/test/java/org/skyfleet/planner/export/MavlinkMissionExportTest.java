package org.skyfleet.planner.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.planner.export.MavlinkMissionItem.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.TestAreas;

class MavlinkMissionExportTest {
  @Test
  void itemsAreNumberedAndEncodedForTheUploadHandshake() {
    List<MavlinkMissionItem> items = MavlinkMissionExport.items(ExportFixtures.route(), 12);

    assertThat(items).extracting(MavlinkMissionItem::seq).containsExactly(0, 1, 2, 3, 4);
    assertThat(items).extracting(MavlinkMissionItem::command).containsExactly(MAV_CMD_NAV_TAKEOFF,
        MAV_CMD_DO_CHANGE_SPEED, MAV_CMD_NAV_WAYPOINT, MAV_CMD_NAV_LOITER_TIME, MAV_CMD_NAV_RETURN_TO_LAUNCH);
    assertThat(items.get(0).frame()).isEqualTo(MAV_FRAME_GLOBAL_RELATIVE_ALT_INT);
    assertThat(items.get(0).xDegE7()).isEqualTo(Math.round(TestAreas.ORIGIN.latDeg() * 1e7));
    assertThat(items.get(0).yDegE7()).isEqualTo(Math.round(TestAreas.ORIGIN.lonDeg() * 1e7));
    assertThat(items.get(0).zM()).isEqualTo(40f);
    assertThat(items.get(1).frame()).isEqualTo(MAV_FRAME_MISSION);
    assertThat(items.get(1).param2()).isEqualTo(12f);
    assertThat(items.get(3).param1()).isEqualTo(30f);
    assertThat(items).allSatisfy(i -> assertThat(i.autocontinue()).isTrue());
  }
}
