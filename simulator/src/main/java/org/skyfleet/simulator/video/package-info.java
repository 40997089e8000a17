/**
 * Cameras that stream: each drone's view rendered from the simulation (the ground under its footprint,
 * the people and ground units in view, a thermal palette for thermal cameras, the UTC time burned in as
 * text and as a machine-readable time code), encoded to H.264 by FFmpeg started as a process, and
 * published as a drone or dock does: pushed over RTMP. See docs/video.md.
 */
package org.skyfleet.simulator.video;
