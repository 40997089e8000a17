package org.skyfleet.fleet.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Derives events from a vehicle's state transition. Each rule compares the state before and after
 * one update, so an event fires once on the edge, not on every sample below a threshold.
 */
public final class VehicleHealthRules {
    private final double lowBatteryPercent;
    private final double criticalBatteryPercent;

    /**
     * @param lowBatteryPercent      warn when the battery falls below this, 0..100
     * @param criticalBatteryPercent warn again, critically, below this, 0..100
     */
    public VehicleHealthRules(double lowBatteryPercent, double criticalBatteryPercent) {
        if (!(criticalBatteryPercent >= 0 && criticalBatteryPercent < lowBatteryPercent && lowBatteryPercent <= 100)) {
            throw new IllegalArgumentException("need 0 <= critical < low <= 100, got critical="
                    + criticalBatteryPercent + " low=" + lowBatteryPercent);
        }
        this.lowBatteryPercent = lowBatteryPercent;
        this.criticalBatteryPercent = criticalBatteryPercent;
    }

    public static VehicleHealthRules defaults() {
        return new VehicleHealthRules(25, 12);
    }

    /** Events for the transition {@code before -> after}; {@code before} is null for a new vehicle. */
    public List<VehicleEvent> eventsFor(VehicleState before, VehicleState after, Instant now) {
        if (before != null && before.status().linkState() == after.status().linkState()
                && before.battery() == after.battery() && before.gps() == after.gps()) {
            return List.of();  // the common case on the ingest path: nothing these rules look at changed
        }
        List<VehicleEvent> events = new ArrayList<>(1);
        String id = after.vehicleId();
        if (before == null) {
            events.add(new VehicleEvent(id, EventType.VEHICLE_DISCOVERED, EventSeverity.INFO,
                    "new " + after.identity().kind().name().toLowerCase() + " (" + after.identity().autopilot()
                            + ", system id " + after.identity().mavlinkSystemId() + ") at " + address(after),
                    now, 0));
            return events;
        }
        linkEvents(before, after, now, events);
        batteryEvents(before.battery(), after.battery(), id, now, events);
        gpsEvents(before.gps(), after.gps(), id, now, events);
        return events;
    }

    private static void linkEvents(VehicleState before, VehicleState after, Instant now, List<VehicleEvent> out) {
        LinkState was = before.status().linkState();
        LinkState is = after.status().linkState();
        if (was == LinkState.CONNECTED && is == LinkState.LOST) {
            out.add(new VehicleEvent(after.vehicleId(), EventType.LINK_LOST, EventSeverity.CRITICAL,
                    "no heartbeat since " + after.status().lastHeartbeat(), now, 0));
        } else if (was == LinkState.LOST && is == LinkState.CONNECTED) {
            out.add(new VehicleEvent(after.vehicleId(), EventType.LINK_RESTORED, EventSeverity.INFO,
                    "heartbeats again from " + address(after), now, 0));
        }
    }

    /** Where the vehicle is heard from: its confirmed address, or the claimed one, said to be unconfirmed. */
    private static String address(VehicleState s) {
        return s.identity().claimPending() ? s.identity().linkClaim() + " (unconfirmed claim)" : s.identity().linkPeer();
    }

    private void batteryEvents(BatterySample was, BatterySample is, String id, Instant now, List<VehicleEvent> out) {
        if (is == null || Double.isNaN(is.remainingPercent())) {
            return;
        }
        double before = was == null || Double.isNaN(was.remainingPercent()) ? 100 : was.remainingPercent();
        double after = is.remainingPercent();
        if (before >= criticalBatteryPercent && after < criticalBatteryPercent) {
            out.add(new VehicleEvent(id, EventType.LOW_BATTERY, EventSeverity.CRITICAL,
                    String.format("battery critical: %.0f%% (below %.0f%%)", after, criticalBatteryPercent), now, 0)
                    .withParams(batteryParams(after, criticalBatteryPercent)));
        } else if (before >= lowBatteryPercent && after < lowBatteryPercent) {
            out.add(new VehicleEvent(id, EventType.LOW_BATTERY, EventSeverity.WARNING,
                    String.format("battery low: %.0f%% (below %.0f%%)", after, lowBatteryPercent), now, 0)
                    .withParams(batteryParams(after, lowBatteryPercent)));
        }
    }

    private static java.util.Map<String, String> batteryParams(double percent, double thresholdPercent) {
        return java.util.Map.of("percent", String.format(java.util.Locale.ROOT, "%.0f", percent),
                "threshold_percent", String.format(java.util.Locale.ROOT, "%.0f", thresholdPercent));
    }

    private static void gpsEvents(GpsSample was, GpsSample is, String id, Instant now, List<VehicleEvent> out) {
        if (was == null || is == null) {
            return;
        }
        if (was.fix().isNavigable() && !is.fix().isNavigable()) {
            out.add(new VehicleEvent(id, EventType.GPS_FIX_LOST, EventSeverity.WARNING,
                    "GPS fix lost: " + is.fix() + ", " + is.satellitesVisible() + " satellites", now, 0)
                    .withParams(java.util.Map.of("fix", is.fix().name(), "satellites", String.valueOf(is.satellitesVisible()))));
        } else if (!was.fix().isNavigable() && is.fix().isNavigable()) {
            out.add(new VehicleEvent(id, EventType.GPS_FIX_RESTORED, EventSeverity.INFO,
                    "GPS fix restored: " + is.fix() + ", " + is.satellitesVisible() + " satellites", now, 0));
        }
    }
}
