package org.skyfleet.fleet.vehicle;

/** Whether the vehicle's heartbeats are arriving. */
public enum LinkState {
    /** A heartbeat arrived within the timeout. */
    CONNECTED,
    /** No heartbeat within the timeout; the vehicle's last state is stale. */
    LOST
}
