/**
 * A vehicle's camera under control: the commands a commander gives it (point the gimbal, zoom, take a photo,
 * record on the vehicle), the port they are sent through, and what the vehicle last reported of its camera
 * (gimbal attitude, zoom, recording, photos), in degrees, percent and {@code Instant}s.
 */
package org.skyfleet.fleet.camera;
