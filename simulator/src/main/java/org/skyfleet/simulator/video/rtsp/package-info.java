/**
 * The simulated cameras' RTSP server (RFC 2326), as a PX4 camera serves rtsp://camera:8554/live: FFmpeg
 * packetises each camera's H.264 into RTP (RFC 6184) and writes its session description; this server answers
 * OPTIONS, DESCRIBE, SETUP, PLAY and TEARDOWN and forwards the RTP packets interleaved on the RTSP
 * connection (RTP over TCP), which crosses firewalls and needs no UDP ports per viewer.
 */
package org.skyfleet.simulator.video.rtsp;
