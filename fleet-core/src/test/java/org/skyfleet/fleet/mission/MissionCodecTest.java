package org.skyfleet.fleet.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionType;

class MissionCodecTest {

    @Test
    void aWholeMissionComesBackEqualWithItsHashStillMatching() {
        List<MissionItem> items = List.of(
                new MissionItem(6, 22, 0, 0, 0, Float.NaN, MissionItem.degE7(53.3912345), MissionItem.degE7(-1.861), 30.5f, true),
                new MissionItem(6, 16, 0.25f, 2, 0, 90, MissionItem.degE7(53.392), MissionItem.degE7(-1.862), 30f, true));
        Instant t = Instant.parse("2026-12-06T00:40:00.123456789Z");
        Mission m = new Mission("m-9", "mav-14550-3", items, MissionContentHash.of(MissionType.MISSION, items), 8.5,
                MissionState.DRAFT, List.of(), -1, -1)
                .moveTo(MissionState.APPROVED, t, "pat (PILOT)", "")
                .moveTo(MissionState.UPLOADING, t.plusSeconds(1), "pat (PILOT)", "")
                .moveTo(MissionState.UPLOADED, t.plusSeconds(2), "vehicle", "hash matches \"read-back\"")
                .moveTo(MissionState.FLYING, t.plusSeconds(3), "pat (PILOT)", "go")
                .withProgress(1, 0);

        Mission back = MissionCodec.mission(MissionCodec.mission(m));

        assertThat(back).isEqualTo(m);
        assertThat(MissionContentHash.of(MissionType.MISSION, back.items())).isEqualTo(m.contentHash());
    }
}
