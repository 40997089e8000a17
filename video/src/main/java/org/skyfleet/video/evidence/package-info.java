/**
 * Evidence: while an incident is open, its drones' feeds are tapped from the relay and cut by FFmpeg's segment
 * muxer into MP4 files without transcoding; each file's SHA-256 goes into the hash-chained audit journal and its
 * record into the store. An export's manifest ties every file to its journal entry, and the verifier checks both.
 */
package org.skyfleet.video.evidence;
