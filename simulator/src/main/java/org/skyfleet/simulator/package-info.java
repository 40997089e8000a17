/**
 * Software in the loop: simulated drones and ground robots that speak MAVLink 2 over UDP from their
 * own sockets, exactly as an autopilot on a ground-station link does, so every part of SkyFleet is
 * tested against the real wire.
 */
package org.skyfleet.simulator;
