/**
 * The simulated vehicle's side of the wire: its own UDP socket, MAVLink 2 encoding with the
 * dronefleet codec, the telemetry schedule an autopilot keeps, and its answers to the ground station.
 */
package org.skyfleet.simulator.wire;
