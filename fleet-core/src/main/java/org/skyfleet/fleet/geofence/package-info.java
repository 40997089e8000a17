/**
 * Geofences: zones that plans, commands and live flight respect.
 *
 * <p>A {@link org.skyfleet.fleet.geofence.Zone} is an operating area (inclusion) or a no-fly area
 * (exclusion): a polygon with holes or a circle, an altitude band with an explicit reference, an
 * optional schedule, the vehicles it applies to and what to do on a breach. Zones are checked by
 * named {@link org.skyfleet.fleet.geofence.ZoneRule}s before they are stored in a
 * {@link org.skyfleet.fleet.geofence.ZoneStore}; {@link org.skyfleet.fleet.geofence.Geofences} keeps an
 * immutable {@link org.skyfleet.fleet.geofence.ZoneIndex} rebuilt on every change (copy-on-write, readers
 * never lock). The index answers "which zones does this position break" ({@code check}), the
 * {@link org.skyfleet.fleet.geofence.BreachPredictor} answers "which will it break within the horizon",
 * the {@link org.skyfleet.fleet.geofence.GeofenceMonitor} turns both into edge-triggered
 * {@link org.skyfleet.fleet.geofence.GeofenceEvent}s and {@link org.skyfleet.fleet.geofence.RouteCheck}
 * finds where a planned path breaks a zone.
 *
 * <p>Coordinates come in as WGS84 degrees; every containment and distance is computed in metres in a
 * local east-north frame around each zone. Altitudes are metres, relative to home or above mean sea
 * level as each zone's {@link org.skyfleet.fleet.geofence.AltitudeBand} says.
 */
package org.skyfleet.fleet.geofence;
