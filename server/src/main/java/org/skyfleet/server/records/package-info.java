/**
 * The incident side of the fleet as one unit: incidents, sightings fused into tracks, dispatch of ground
 * units and the automation acting on them, built from the store so that whoever builds it carries on from
 * what was committed.
 */
package org.skyfleet.server.records;
