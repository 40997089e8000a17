/**
 * The simulator as a client of the control plane's gRPC API, as a drone's edge computer is: {@link
 * org.skyfleet.simulator.controlplane.GrpcSightingReporter} sends the cameras' sightings to
 * SightingService without ever blocking the simulation; {@link
 * org.skyfleet.simulator.controlplane.VehicleIds} names the simulated vehicles as the server does.
 */
package org.skyfleet.simulator.controlplane;
