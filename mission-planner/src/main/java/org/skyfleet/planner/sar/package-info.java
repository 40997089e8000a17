/**
 * IAMSAR search patterns in the local frame: expanding square and sector search around a datum,
 * parallel track and creeping line over the area's bounding rectangle. Track spacing comes from the
 * sweep width; courses are degrees clockwise from north.
 */
package org.skyfleet.planner.sar;
