/**
 * MAVLink on the wire: splitting datagrams into MAVLink 1 and 2 frames, checking their CRC against
 * the dialect's CRC_EXTRA, decoding payloads with the dronefleet codec, encoding what the ground
 * station sends, and the one place where MAVLink's integer encodings become degrees and metres (a
 * heartbeat's mode bits and MAV_STATE become a flight status in {@link org.skyfleet.telemetry.mavlink.HeartbeatStatus}).
 */
package org.skyfleet.telemetry.mavlink;
