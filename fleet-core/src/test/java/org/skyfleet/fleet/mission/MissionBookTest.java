package org.skyfleet.fleet.mission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.store.InMemoryStore;

class MissionBookTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final MissionBook book = new MissionBook(store.missions());

    private static Mission draft() {
        return new Mission("m-1", "drone-1", List.of(), MissionContentHash.of(MissionType.MISSION, List.of()), 5,
                MissionState.DRAFT, List.of(), -1, -1);
    }

    @Test
    void aMirroredMissionIsListedAndToldButNotStoredAndAnOlderCopyNeverReplacesANewerOne() {
        List<Mission> told = new ArrayList<>();
        book.subscribe(told::add);
        Mission approved = draft().moveTo(MissionState.APPROVED, T0, "pat", "");

        assertThat(book.mirror(approved)).isTrue();
        assertThat(book.mirror(draft())).as("late copy").isFalse();

        assertThat(book.list("drone-1")).containsExactly(approved);
        assertThat(told).containsExactly(approved);
        assertThat(store.missions().loadAll()).isEmpty();
    }

    @Test
    void aChangeOfStateIsNotUndoneByProgressThatCrossedIt() {
        Mission flying = draft().moveTo(MissionState.APPROVED, T0, "pat", "").moveTo(MissionState.UPLOADING, T0, "pat", "")
                .moveTo(MissionState.UPLOADED, T0, "system", "").moveTo(MissionState.FLYING, T0, "pat", "");
        Mission aborted = flying.withProgress(3, 2).moveTo(MissionState.ABORTED, T0.plusSeconds(60), "cmdr", "weather");
        Mission furtherAlong = flying.withProgress(5, 4); // the owner's report, posted before it heard of the abort

        book.mirror(aborted);
        assertThat(book.mirror(furtherAlong)).isFalse();
        assertThat(book.find("m-1")).contains(aborted);
        assertThat(book.mirror(aborted.withProgress(3, 2))).isFalse();
    }

    @Test
    void anAdoptedMissionIsStored() {
        assertThat(book.adopt(draft())).isTrue();
        assertThat(store.missions().loadAll()).containsExactly(draft());
    }
}
