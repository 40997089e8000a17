package org.skyfleet.server.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.dispatch.GroundUnit;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.replay.Replays;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.fleet.store.StoreException;

/**
 * Writes ground units' positions to the position history, under {@link Replays#unitTrackId}, so an incident's
 * officers play back beside its drones. The roster is read once a second (call {@link #record} from a timer)
 * and each unit that reported since is written, all in one batch: at most one sample per unit per second,
 * and nothing on the threads that take the reports.
 *
 * <p>The roster lives where the records do (the leader, in a cluster): on a node without it this does nothing.
 */
public final class UnitRecorder {
    private static final Logger LOG = Logger.getLogger(UnitRecorder.class.getName());

    private final Supplier<Optional<UnitRoster>> roster;
    private final PositionHistoryStore history;
    private final Map<String, Instant> lastWritten = new HashMap<>();

    public UnitRecorder(Supplier<Optional<UnitRoster>> roster, PositionHistoryStore history) {
        this.roster = roster;
        this.history = history;
    }

    /**
     * Writes the reports newer than those written before; one thread at a time.
     *
     * @return how many samples were written
     */
    public synchronized int record() {
        Optional<UnitRoster> units = roster.get();
        if (units.isEmpty()) {
            return 0;
        }
        List<PositionSample> batch = new ArrayList<>();
        for (GroundUnit u : units.get().all()) {
            Instant last = lastWritten.get(u.unitId());
            if (u.position() != null && u.lastReport() != null && (last == null || u.lastReport().isAfter(last))) {
                batch.add(new PositionSample(Replays.unitTrackId(u.unitId()), u.lastReport(), u.position().latDeg(),
                        u.position().lonDeg(), 0)); // units report no altitude
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            history.appendAll(batch);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not record " + batch.size() + " unit positions; their tracks have a gap", e);
            return 0;
        }
        for (PositionSample s : batch) {
            lastWritten.put(s.vehicleId().substring("unit:".length()), s.time());
        }
        return batch.size();
    }
}
