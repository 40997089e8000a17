/** SightingService: sightings in, fused tracks out. */
package org.skyfleet.server.sighting;
