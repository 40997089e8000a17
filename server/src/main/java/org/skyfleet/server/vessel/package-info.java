/**
 * The sea gate on a node: AIS ingest wired to the vessel registry, the vessel stream, the recording of vessel
 * tracks, and the sea-gate rules (gates, hours, going dark, loitering) with their drone checks.
 */
package org.skyfleet.server.vessel;
