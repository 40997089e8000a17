/**
 * Relaying a live fragmented MP4 stream to its viewers: the same bytes to each, a late viewer starting at
 * the next keyframe, a slow one skipping to the next keyframe rather than queueing without bound.
 */
package org.skyfleet.video.relay;
