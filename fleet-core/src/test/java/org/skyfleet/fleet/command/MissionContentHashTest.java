package org.skyfleet.fleet.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionContentHashTest {

    static MissionItem waypoint(double latDeg, double lonDeg, float altRelM) {
        return new MissionItem(6,
                16, 0, 2, 0, Float.NaN,
                MissionItem.degE7(latDeg), MissionItem.degE7(lonDeg), altRelM, true);
    }

    private static List<MissionItem> plan() {
        List<MissionItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(waypoint(51.5 + i * 1e-4, -0.12, 30));
        }
        return items;
    }

    @Test
    void sameContentSameHash() {
        assertThat(MissionContentHash.of(MissionType.MISSION, plan()))
                .isEqualTo(MissionContentHash.of(MissionType.MISSION, plan()));
        assertThat(MissionContentHash.of(MissionType.MISSION, plan()).sha256Hex()).hasSize(64);
    }

    @Test
    void anyNaNAndNegativeZeroAreTheSameValue() {
        List<MissionItem> a = List.of(waypoint(51.5, -0.12, 0f));
        MissionItem w = a.get(0);
        List<MissionItem> b = List.of(new MissionItem(w.frame(), w.command(), w.param1(), w.param2(),
                -0.0f, Float.intBitsToFloat(0x7fc00001), w.xDegE7(), w.yDegE7(), -0.0f, true));
        assertThat(MissionContentHash.of(MissionType.MISSION, a)).isEqualTo(MissionContentHash.of(MissionType.MISSION, b));
    }

    @Test
    void oneDegE7OneParameterOrTheOrderChangesTheHash() {
        MissionContentHash base = MissionContentHash.of(MissionType.MISSION, plan());
        List<MissionItem> moved = plan();
        MissionItem w = moved.get(3);
        moved.set(3, new MissionItem(w.frame(), w.command(), w.param1(), w.param2(), w.param3(), w.param4(),
                w.xDegE7() + 1, w.yDegE7(), w.zM(), w.autocontinue()));
        List<MissionItem> swapped = plan();
        swapped.set(1, plan().get(2));
        swapped.set(2, plan().get(1));
        List<MissionItem> holdTime = plan();
        w = holdTime.get(0);
        holdTime.set(0, new MissionItem(w.frame(), w.command(), 1, w.param2(), w.param3(), w.param4(),
                w.xDegE7(), w.yDegE7(), w.zM(), w.autocontinue()));

        assertThat(MissionContentHash.of(MissionType.MISSION, moved)).isNotEqualTo(base);
        assertThat(MissionContentHash.of(MissionType.MISSION, swapped)).isNotEqualTo(base);
        assertThat(MissionContentHash.of(MissionType.MISSION, holdTime)).isNotEqualTo(base);
        assertThat(MissionContentHash.of(MissionType.FENCE, plan())).isNotEqualTo(base);
    }

    @Test
    void anEmptyPlanHasAHashOfItsOwn() {
        assertThat(MissionContentHash.of(MissionType.MISSION, List.of()))
                .isNotEqualTo(MissionContentHash.of(MissionType.MISSION, plan().subList(0, 1)));
    }
}
