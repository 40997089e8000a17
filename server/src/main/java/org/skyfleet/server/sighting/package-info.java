/** SightingService: sightings in, fused tracks out, by a tracker tuned for drone searches ({@link org.skyfleet.server.sighting.TrackerTuning}). */
package org.skyfleet.server.sighting;
