/**
 * Commanding a vehicle and moving plans onto and off it, as ports with no transport in them.
 *
 * <p>{@link org.skyfleet.fleet.command.VehicleCommands} sends one {@link org.skyfleet.fleet.command.VehicleCommand}
 * (a verb with its parameters in SI units) and completes with what the vehicle really answered, a
 * {@link org.skyfleet.fleet.command.CommandOutcome}. {@link org.skyfleet.fleet.command.MissionTransfer} uploads,
 * downloads and clears the mission, geofence or rally {@link org.skyfleet.fleet.command.MissionItem}s of a vehicle
 * and completes with a
 * {@link org.skyfleet.fleet.command.TransferOutcome}. What a vehicle answered, including a refusal, is a result
 * value, never an exception. {@link org.skyfleet.fleet.command.MissionContentHash} fingerprints a list of items
 * so that what was read back from a vehicle can be compared with what was approved.
 *
 * <p>The MAVLink adapters live in the telemetry module; {@link org.skyfleet.fleet.command.ScriptedVehicleCommands}
 * and {@link org.skyfleet.fleet.command.InMemoryMissionTransfer} stand in for them in tests.
 */
package org.skyfleet.fleet.command;
