/**
 * The MAVLink side of {@link org.skyfleet.fleet.command.VehicleCommands}: a verb becomes a COMMAND_LONG or
 * COMMAND_INT (PX4 conventions, see {@link org.skyfleet.telemetry.command.Px4CommandMapping}), is sent again
 * every retry interval until the vehicle's COMMAND_ACK arrives or the attempts run out, and the vehicle's own
 * result is returned. Everything runs on the link's event loop, timers included; nothing blocks.
 *
 * <p>{@link org.skyfleet.telemetry.command.VehicleLink} is what the command and mission protocols need of a link
 * (its event loop, sending, observing frames, the vehicle's system id); {@code VehicleLink.of(MavlinkUdpLink)}
 * adapts the UDP link.
 */
package org.skyfleet.telemetry.command;
