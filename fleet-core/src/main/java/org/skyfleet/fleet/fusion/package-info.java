/**
 * Multi-target sighting fusion: sightings of people, vehicles and boats from drones, robots, officers and
 * citizens become tracks.
 *
 * <p>A {@link org.skyfleet.fleet.fusion.Sighting} (validated on construction) is fed to a
 * {@link org.skyfleet.fleet.fusion.Tracker}, which gates by Mahalanobis distance, associates by global
 * nearest neighbour ({@link org.skyfleet.fleet.fusion.Hungarian}) and runs one constant-velocity Kalman
 * filter per track ({@link org.skyfleet.fleet.fusion.ConstantVelocityModel} as process model,
 * {@code PositionMeasurement} as measurement model, {@code TrackFilter} for the algebra). Tracks are
 * TENTATIVE, then CONFIRMED on weighted M-of-N evidence, and DROPPED when stale; every change comes back
 * as a {@link org.skyfleet.fleet.fusion.TrackUpdate} carrying an immutable
 * {@link org.skyfleet.fleet.fusion.Track}.
 *
 * <p>Positions come in and go out as WGS84 degrees; inside, everything is metres east/north in one local
 * tangent plane, seconds and m/s. Time is the sightings' own epoch milliseconds: nothing reads a clock.
 */
package org.skyfleet.fleet.fusion;
