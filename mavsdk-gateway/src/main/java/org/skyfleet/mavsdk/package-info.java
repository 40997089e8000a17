/**
 * The MAVSDK gateway: serves MAVSDK's gRPC API (MAVSDK-Proto as carried by MAVSDK-Java 1.3.1) for SkyFleet
 * vehicles, one port per vehicle, as a client of SkyFleet. It runs in its own process on MAVSDK's runtime
 * (protobuf-javalite 3.17.2, grpc 1.42.1) and talks to SkyFleet through lite stubs generated from SkyFleet's own
 * .proto files, so every command goes through SkyFleet's leases, airspace checks, idempotence and audit.
 */
package org.skyfleet.mavsdk;
