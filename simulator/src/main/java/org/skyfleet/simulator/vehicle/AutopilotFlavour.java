package org.skyfleet.simulator.vehicle;

/** How the simulated autopilot behaves on the wire. */
public enum AutopilotFlavour {
    /** Streams telemetry by default and honours SET_MESSAGE_INTERVAL (MAV_AUTOPILOT_PX4 = 12). */
    PX4(12),
    /**
     * An older ArduPilot: sends only HEARTBEAT until asked with REQUEST_DATA_STREAM, and answers
     * SET_MESSAGE_INTERVAL with UNSUPPORTED (MAV_AUTOPILOT_ARDUPILOTMEGA = 3).
     */
    ARDUPILOT_LEGACY(3);

    private final int mavAutopilot;

    AutopilotFlavour(int mavAutopilot) {
        this.mavAutopilot = mavAutopilot;
    }

    public int mavAutopilot() {
        return mavAutopilot;
    }
}
