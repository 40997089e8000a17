package org.skyfleet.fleet.incident;

/** An incident after a change, with the timeline entry that records it (null if none did). */
public record IncidentChange(Incident incident, TimelineEntry latest) {
}
