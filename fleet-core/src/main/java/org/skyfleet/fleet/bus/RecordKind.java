package org.skyfleet.fleet.bus;

/** What a durable record is: the things that must survive a node, never be lost or conflated. */
public enum RecordKind {
    INCIDENT,
    SIGHTING,
    ASSIGNMENT,
    AUDIT
}
