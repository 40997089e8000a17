package org.skyfleet.fleet.geofence;

/**
 * Where along a straight 3-D segment a zone is first broken.
 *
 * @param zone   the zone
 * @param reason how it is broken at that point
 * @param s      fraction of the segment, 0 (start) .. 1 (end), where the breach begins
 */
record SegmentBreach(Zone zone, BreachReason reason, double s) {
}
