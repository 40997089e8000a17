/**
 * {@code skyfleet.v1.AircraftService}: airframe profiles and the vehicles bound to them, over the domain's
 * {@link org.skyfleet.fleet.airframe.Airframes}; and the observer that binds a vehicle from its own
 * AUTOPILOT_VERSION.
 */
package org.skyfleet.server.aircraft;
