package org.skyfleet.fleet.dispatch;

/** What a unit is doing. ASSIGNED is set by the dispatcher, the others by the unit. */
public enum UnitStatus {
    AVAILABLE,
    ASSIGNED,
    BUSY,
    OFF_DUTY
}
