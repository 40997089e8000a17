package org.skyfleet.telemetry.mission;

import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.command.MissionItem;

/** Plans for tests: a takeoff then a lawnmower of waypoints, all distinct, with NaN yaw as planners send. */
final class TestPlans {
    private TestPlans() {
    }

    static List<MissionItem> survey(int n) {
        List<MissionItem> items = new ArrayList<>();
        items.add(new MissionItem(6, 22, 0, 0, 0, Float.NaN, MissionItem.degE7(51.5), MissionItem.degE7(-0.12), 30, true));
        for (int i = 1; i < n; i++) {
            double lat = 51.5 + (i / 10) * 2e-4;
            double lon = -0.12 + ((i / 10) % 2 == 0 ? i % 10 : 9 - i % 10) * 3e-4;
            items.add(new MissionItem(6, 16, i % 3, 2, 0, Float.NaN, MissionItem.degE7(lat), MissionItem.degE7(lon),
                    30 + i % 5, true));
        }
        return items;
    }
}
