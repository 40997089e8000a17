/**
 * Finding a vehicle's stream the way a ground station finds a PX4 camera's: MAVLink's camera protocol
 * (MAV_CMD_REQUEST_MESSAGE for VIDEO_STREAM_INFORMATION, whose {@code uri} names the stream).
 */
package org.skyfleet.video.mavlink;
