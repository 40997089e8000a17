/**
 * The media side of SkyFleet: each vehicle's camera stream taken in (pulled over RTSP/RTMP/SRT/HTTP, or
 * pushed over RTMP as a DJI dock does), remuxed without transcoding by FFmpeg into fragmented MP4, and
 * relayed to any number of viewers. See docs/video.md.
 */
package org.skyfleet.video;
