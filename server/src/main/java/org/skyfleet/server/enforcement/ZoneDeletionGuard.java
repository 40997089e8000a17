package org.skyfleet.server.enforcement;

import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.mission.MissionState;

/**
 * A zone may not be deleted while a mission that is uploaded, flying or paused relies on it: the zone
 * is in the fence its vehicle holds, so removing it here would leave the autopilot enforcing a zone the
 * control plane no longer knows.
 */
public final class ZoneDeletionGuard implements Function<String, Optional<String>> {
    private final MissionBook missions;
    private final FenceUpload fences;
    private final Geofences zones;

    public ZoneDeletionGuard(MissionBook missions, FenceUpload fences, Geofences zones) {
        this.missions = missions;
        this.fences = fences;
        this.zones = zones;
    }

    @Override
    public Optional<String> apply(String zoneId) {
        for (Mission m : missions.list("")) {
            boolean live = m.state() == MissionState.UPLOADED || m.state().isActive();
            if (live && fences.zonesInFenceOf(m.vehicleId()).contains(zoneId)) {
                String name = zones.get(zoneId).map(z -> "'" + z.name() + "'").orElse(zoneId);
                return Optional.of("zone " + name + " is in the fence of " + m.vehicleId() + ", which mission " + m.missionId()
                        + " (" + m.state() + ") relies on: complete or abort the mission first");
            }
        }
        return Optional.empty();
    }
}
