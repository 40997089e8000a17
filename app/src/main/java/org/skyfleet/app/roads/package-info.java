/**
 * Road networks for dispatch: GeoJSON road lines read once at start-up and handed to fleet-core's
 * {@code RoadNetworkEta}, so patrol cars are sent by the time the roads take, not by the crow's flight.
 */
package org.skyfleet.app.roads;
