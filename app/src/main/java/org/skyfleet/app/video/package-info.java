/**
 * Live video on the console's HTTP port: each vehicle's relayed stream as fragmented MP4, over a WebSocket
 * for browsers (Media Source Extensions) or a chunked HTTP response for tools (ffprobe, ffplay, VLC), each
 * viewer signed in with a bearer token like every other feed.
 */
package org.skyfleet.app.video;
