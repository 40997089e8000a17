package org.skyfleet.fleet.event;

/** How urgently a person should look, ordered from least to most. */
public enum EventSeverity {
    INFO,
    WARNING,
    CRITICAL
}
