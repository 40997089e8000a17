package org.skyfleet.server.mission;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.mission.MissionState;

/**
 * Makes the missions loaded after a restart true again. A mission flying or paused stays so: its vehicle
 * carries it on without the ground, and its progress is re-attached from the vehicle's MISSION_CURRENT
 * and MISSION_ITEM_REACHED once the link is back. An upload that was under way died with the process:
 * the vehicle may hold part of it, so it is marked FAILED and must be uploaded again.
 */
public final class MissionRecovery {
    static final String INTERRUPTED_UPLOAD = "the server restarted during the upload; upload the mission again";

    private MissionRecovery() {
    }

    /** @return the missions it failed */
    public static List<Mission> failInterruptedUploads(MissionBook book, AuditJournal audit, InstantSource clock) {
        List<Mission> failed = new ArrayList<>();
        for (Mission m : book.list("")) {
            if (m.state() == MissionState.UPLOADING) {
                Mission after = book.update(m.missionId(),
                        x -> x.moveTo(MissionState.FAILED, clock.instant(), "system", INTERRUPTED_UPLOAD));
                audit.append("system", "mission recover", m.vehicleId(), m.missionId() + ": UPLOADING -> FAILED", INTERRUPTED_UPLOAD);
                failed.add(after);
            }
        }
        return failed;
    }
}
