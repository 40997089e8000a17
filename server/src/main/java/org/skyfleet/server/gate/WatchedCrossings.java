package org.skyfleet.server.gate;

import org.skyfleet.fleet.gate.GateCrossing;

/** Where a watched crossing is raised as an alert (the console's alert log, in the app). */
@FunctionalInterface
public interface WatchedCrossings {
    /**
     * @param crossing   what crossed where
     * @param gateName   the gate's name, for people
     * @param incidentId the incident the track belongs to; empty for a subject on the watch list
     */
    void raise(GateCrossing crossing, String gateName, String incidentId);
}
