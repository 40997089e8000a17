/**
 * Taking a camera stream in: FFmpeg started as a process per stream, reading the source (RTSP, RTMP, SRT,
 * HTTP, or an RTMP push it listens for) and copying its video, untouched, into fragmented MP4 on stdout.
 */
package org.skyfleet.video.ingest;
