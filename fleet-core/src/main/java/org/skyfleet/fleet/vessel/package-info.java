/**
 * Vessels as first-class objects: each ship known by its MMSI, what it said about itself by AIS (name, call
 * sign, ship type, position, course, speed, heading, navigational status) and when it was last heard, joined
 * with the port's own fleet register (owner, home port). No transport here: AIS is read in telemetry.
 */
package org.skyfleet.fleet.vessel;
