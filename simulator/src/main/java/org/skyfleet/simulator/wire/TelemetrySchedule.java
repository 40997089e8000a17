package org.skyfleet.simulator.wire;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;

/**
 * Which messages the autopilot streams and how often: PX4's default set at boot (only HEARTBEAT for
 * legacy ArduPilot), changed by SET_MESSAGE_INTERVAL or REQUEST_DATA_STREAM. Keeps each message's
 * cadence without drifting and never tries to catch up a backlog.
 */
final class TelemetrySchedule {
    /** message id -> interval in ms; sorted so a seeded run sends in the same order. */
    private final Map<Integer, Long> intervalsMs = new TreeMap<>();
    private final Map<Integer, Long> nextDueMs = new TreeMap<>();

    void reset(AutopilotFlavour flavour, double positionRateHz) {
        intervalsMs.clear();
        nextDueMs.clear();
        intervalsMs.put(TelemetryMessages.HEARTBEAT, 1000L);
        if (flavour == AutopilotFlavour.PX4) {
            long positionMs = Math.max(1, Math.round(1000 / positionRateHz));
            intervalsMs.put(TelemetryMessages.GLOBAL_POSITION_INT, positionMs);
            intervalsMs.put(TelemetryMessages.ATTITUDE, positionMs);
            intervalsMs.put(TelemetryMessages.SYS_STATUS, 1000L);
            intervalsMs.put(TelemetryMessages.BATTERY_STATUS, 1000L);
            intervalsMs.put(TelemetryMessages.GPS_RAW_INT, 500L);
            intervalsMs.put(TelemetryMessages.VFR_HUD, 250L);
            intervalsMs.put(TelemetryMessages.EXTENDED_SYS_STATE, 1000L);
            intervalsMs.put(TelemetryMessages.HOME_POSITION, 2000L);
            intervalsMs.put(TelemetryMessages.MISSION_CURRENT, 1000L);
        }
    }

    /** Calls {@code send} with every message due at {@code nowMs} (time since boot). */
    void sendDue(long nowMs, IntConsumer send) {
        for (Map.Entry<Integer, Long> e : intervalsMs.entrySet()) {
            long due = nextDueMs.getOrDefault(e.getKey(), nowMs);
            if (nowMs >= due) {
                send.accept(e.getKey());
                long next = due + e.getValue();
                nextDueMs.put(e.getKey(), next <= nowMs ? nowMs + e.getValue() : next);
            }
        }
    }

    void setIntervalMs(int messageId, long ms) {
        intervalsMs.put(messageId, Math.max(1, ms));
    }

    void stop(int messageId) {
        intervalsMs.remove(messageId);
        nextDueMs.remove(messageId);
    }

    boolean isStreaming(int messageId) {
        return intervalsMs.containsKey(messageId);
    }

    /** Messages per second the schedule asks for. */
    double messagesPerS() {
        return intervalsMs.values().stream().mapToDouble(ms -> 1000.0 / ms).sum();
    }
}
