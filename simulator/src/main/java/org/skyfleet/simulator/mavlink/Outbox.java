package org.skyfleet.simulator.mavlink;

import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.Statustext;

/** Sends MAVLink messages (dronefleet payloads) from the vehicle to the ground station. */
@FunctionalInterface
public interface Outbox {

    void send(Object payload);

    /** A STATUSTEXT, cut to the 50 characters the message carries. */
    default void statustext(MavSeverity severity, String text) {
        String t = text.length() > 50 ? text.substring(0, 50) : text;
        send(Statustext.builder().severity(severity).text(t).build());
    }
}
