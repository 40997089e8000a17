/**
 * Just enough ISO BMFF (ISO/IEC 14496-12) to relay fragmented MP4: split a byte stream into top-level
 * boxes, read the init segment's codec and picture size, and tell a fragment that starts on a keyframe.
 */
package org.skyfleet.video.mp4;
