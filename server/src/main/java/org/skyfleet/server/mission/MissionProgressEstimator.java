package org.skyfleet.server.mission;

import java.time.Duration;
import java.time.Instant;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.proto.v1.MissionProgress;

/**
 * Distance and time left along the remaining items from where the vehicle is, and the battery it will
 * have at the end, extrapolated from its drain since the mission started.
 */
final class MissionProgressEstimator {
    private Instant startTime;
    private double startBatteryPercent = Double.NaN;

    MissionProgress estimate(Mission m, VehicleState v, Instant now) {
        int next = Math.max(0, m.reachedSeq() + 1);
        double left = 0;
        double lat = v == null || v.position() == null ? Double.NaN : v.position().latDeg();
        double lon = v == null || v.position() == null ? Double.NaN : v.position().lonDeg();
        for (int i = next; i < m.items().size(); i++) {
            MissionItem it = m.items().get(i);
            if (it.xDegE7() == 0 && it.yDegE7() == 0) {
                continue;  // no position: a speed change, a return to launch counted from the last point
            }
            double ilat = it.xDegE7() / 1e7;
            double ilon = it.yDegE7() / 1e7;
            if (!Double.isNaN(lat)) {
                left += GreatCircle.distanceM(new GeoPoint(lat, lon), new GeoPoint(ilat, ilon));
            }
            lat = ilat;
            lon = ilon;
        }
        double timeLeftS = m.cruiseSpeedMps() > 0 ? left / m.cruiseSpeedMps() : Double.NaN;
        double battery = v == null || v.battery() == null ? Double.NaN : v.battery().remainingPercent();
        if (m.state().isActive() && startTime == null && !Double.isNaN(battery)) {
            startTime = now;
            startBatteryPercent = battery;
        }
        double atEnd = Double.NaN;
        if (startTime != null && !Double.isNaN(battery)) {
            double elapsedS = Duration.between(startTime, now).toMillis() / 1000.0;
            double drainPerS = elapsedS > 5 ? (startBatteryPercent - battery) / elapsedS : Double.NaN;
            atEnd = Double.isNaN(drainPerS) ? Double.NaN : Math.max(0, battery - drainPerS * timeLeftS);
        }
        return MissionProgress.newBuilder().setMissionId(m.missionId()).setState(MissionProtoMapper.state(m.state()))
                .setItemsDone(m.itemsDone()).setItemsTotal(m.items().size()).setCurrentSeq(m.currentSeq())
                .setDistanceLeftM(left).setTimeLeftS(timeLeftS).setBatteryAtCompletionPercent(atEnd)
                .setReason(m.lastReason()).build();
    }
}
