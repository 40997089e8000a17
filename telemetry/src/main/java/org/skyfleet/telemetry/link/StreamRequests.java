package org.skyfleet.telemetry.link;

import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavCmd;
import io.dronefleet.mavlink.common.RequestDataStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams the control plane asks each vehicle for when it connects. First MAV_CMD_SET_MESSAGE_INTERVAL
 * per message (PX4, modern ArduPilot); if the vehicle acknowledges none of them in time, the legacy
 * REQUEST_DATA_STREAM per stream group (older ArduPilot, which sends nothing until asked).
 */
final class StreamRequests {
    /** [message id, interval in microseconds]. */
    static final int[][] MESSAGE_INTERVALS_US = {
            {33, 200_000},    // GLOBAL_POSITION_INT 5 Hz
            {30, 100_000},    // ATTITUDE 10 Hz
            {1, 1_000_000},   // SYS_STATUS 1 Hz
            {147, 1_000_000}, // BATTERY_STATUS 1 Hz
            {24, 500_000},    // GPS_RAW_INT 2 Hz
            {74, 250_000},    // VFR_HUD 4 Hz
            {245, 1_000_000}, // EXTENDED_SYS_STATE 1 Hz
            {242, 2_000_000}, // HOME_POSITION 0.5 Hz
    };
    /** [MAV_DATA_STREAM id, rate in Hz]. */
    static final int[][] DATA_STREAMS_HZ = {
            {2, 2},   // EXTENDED_STATUS: SYS_STATUS, GPS_RAW_INT
            {6, 5},   // POSITION: GLOBAL_POSITION_INT
            {10, 10}, // EXTRA1: ATTITUDE
            {11, 4},  // EXTRA2: VFR_HUD
            {12, 1},  // EXTRA3: BATTERY_STATUS, EXTENDED_SYS_STATE (HOME_POSITION follows on change)
    };
    static final int AUTOPILOT_COMPONENT = 1;
    /** AUTOPILOT_VERSION: who the autopilot is (vendor, product, firmware), asked for once per connection. */
    static final int AUTOPILOT_VERSION = 148;
    /** SMART_BATTERY_INFO: the main pack's serial, cycles and capacity, asked for once per connection. */
    static final int SMART_BATTERY_INFO = 370;

    private StreamRequests() {
    }

    static List<Object> setMessageIntervals(int targetSystem) {
        List<Object> out = new ArrayList<>(MESSAGE_INTERVALS_US.length);
        for (int[] m : MESSAGE_INTERVALS_US) {
            out.add(CommandLong.builder().targetSystem(targetSystem).targetComponent(AUTOPILOT_COMPONENT)
                    .command(MavCmd.MAV_CMD_SET_MESSAGE_INTERVAL).confirmation(0)
                    .param1(m[0]).param2(m[1]).build());
        }
        return out;
    }

    /**
     * MAV_CMD_REQUEST_MESSAGE for AUTOPILOT_VERSION (by which a vehicle may be bound to its airframe profile) and
     * for the main pack's SMART_BATTERY_INFO (param2 = battery id 0), by which its pack is known.
     */
    static List<Object> requestIdentity(int targetSystem) {
        return List.of(CommandLong.builder().targetSystem(targetSystem).targetComponent(AUTOPILOT_COMPONENT)
                        .command(MavCmd.MAV_CMD_REQUEST_MESSAGE).confirmation(0).param1(AUTOPILOT_VERSION).build(),
                CommandLong.builder().targetSystem(targetSystem).targetComponent(AUTOPILOT_COMPONENT)
                        .command(MavCmd.MAV_CMD_REQUEST_MESSAGE).confirmation(0).param1(SMART_BATTERY_INFO).param2(0).build());
    }

    static List<Object> requestDataStreams(int targetSystem) {
        List<Object> out = new ArrayList<>(DATA_STREAMS_HZ.length);
        for (int[] s : DATA_STREAMS_HZ) {
            out.add(RequestDataStream.builder().targetSystem(targetSystem).targetComponent(AUTOPILOT_COMPONENT)
                    .reqStreamId(s[0]).reqMessageRate(s[1]).startStop(1).build());
        }
        return out;
    }
}
