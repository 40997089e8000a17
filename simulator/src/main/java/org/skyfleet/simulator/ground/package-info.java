/**
 * Police ground units in the simulation and the phone apps they carry: a {@link
 * org.skyfleet.simulator.ground.SimulatedUnit} walks or drives on the simulation clock; its {@link
 * org.skyfleet.simulator.ground.OfficerApp} streams its position to the control plane's DispatchService,
 * acknowledges assignments, follows the target and reports arrival: the wire in the app, what the unit does
 * about its assignment in {@link org.skyfleet.simulator.ground.AssignmentFollower}, the position stream in
 * {@link org.skyfleet.simulator.ground.PositionReporter}. {@link
 * org.skyfleet.simulator.ground.GroundUnits} starts one app per unit of a scenario against a gRPC channel.
 */
package org.skyfleet.simulator.ground;
