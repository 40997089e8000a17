package org.skyfleet.simulator.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;

/**
 * Which messages the autopilot streams and how often: PX4's default set at boot (only HEARTBEAT for
 * legacy ArduPilot), changed by SET_MESSAGE_INTERVAL or REQUEST_DATA_STREAM. Keeps each message's
 * cadence without drifting and never tries to catch up a backlog. Checked every 10 ms step for
 * thousands of vehicles, so it is a small array kept in message-id order (the order a seeded run sends
 * in) with the earliest due time cached.
 */
final class TelemetrySchedule {
    private static final long NEW = Long.MIN_VALUE;

    private static final class Stream {
        final int messageId;
        long intervalMs;
        long nextDueMs = NEW;

        Stream(int messageId, long intervalMs) {
            this.messageId = messageId;
            this.intervalMs = intervalMs;
        }
    }

    private final List<Stream> streams = new ArrayList<>();
    private long earliestDueMs = NEW;

    /**
     * PX4's default streams, each first due at {@code phaseMs} modulo its interval after boot: vehicles
     * booted together do not all send their 1 Hz messages in the same step, as real ones do not.
     */
    void reset(AutopilotFlavour flavour, double positionRateHz, long phaseMs) {
        streams.clear();
        earliestDueMs = NEW;
        setIntervalMs(TelemetryMessages.HEARTBEAT, 1000L);
        if (flavour == AutopilotFlavour.PX4) {
            long positionMs = Math.max(1, Math.round(1000 / positionRateHz));
            setIntervalMs(TelemetryMessages.GLOBAL_POSITION_INT, positionMs);
            setIntervalMs(TelemetryMessages.ATTITUDE, positionMs);
            setIntervalMs(TelemetryMessages.SYS_STATUS, 1000L);
            setIntervalMs(TelemetryMessages.BATTERY_STATUS, 1000L);
            setIntervalMs(TelemetryMessages.GPS_RAW_INT, 500L);
            setIntervalMs(TelemetryMessages.VFR_HUD, 250L);
            setIntervalMs(TelemetryMessages.EXTENDED_SYS_STATE, 1000L);
            setIntervalMs(TelemetryMessages.HOME_POSITION, 2000L);
            setIntervalMs(TelemetryMessages.MISSION_CURRENT, 1000L);
        }
        for (Stream s : streams) {
            s.nextDueMs = Math.floorMod(phaseMs, s.intervalMs);
        }
    }

    /** Calls {@code send} with every message due at {@code nowMs} (time since boot). */
    void sendDue(long nowMs, IntConsumer send) {
        if (earliestDueMs != NEW && nowMs < earliestDueMs) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (Stream s : streams) {
            long due = s.nextDueMs == NEW ? nowMs : s.nextDueMs;
            if (nowMs >= due) {
                send.accept(s.messageId);
                long next = due + s.intervalMs;
                s.nextDueMs = next <= nowMs ? nowMs + s.intervalMs : next;
            }
            earliest = Math.min(earliest, s.nextDueMs);
        }
        earliestDueMs = streams.isEmpty() ? NEW : earliest;
    }

    void setIntervalMs(int messageId, long ms) {
        long interval = Math.max(1, ms);
        earliestDueMs = NEW;
        int i = 0;
        while (i < streams.size() && streams.get(i).messageId < messageId) {
            i++;
        }
        if (i < streams.size() && streams.get(i).messageId == messageId) {
            streams.get(i).intervalMs = interval;
        } else {
            streams.add(i, new Stream(messageId, interval));
        }
    }

    void stop(int messageId) {
        streams.removeIf(s -> s.messageId == messageId);
        earliestDueMs = NEW;
    }

    boolean isStreaming(int messageId) {
        return streams.stream().anyMatch(s -> s.messageId == messageId);
    }

    /** Messages per second the schedule asks for. */
    double messagesPerS() {
        return streams.stream().mapToDouble(s -> 1000.0 / s.intervalMs).sum();
    }
}
