/**
 * The vehicle side of the MAVLink mission protocol: the stored mission, geofence and rally points,
 * the upload and download transfers with PX4's retries and timeouts, the checks that refuse items the
 * vehicle cannot fly, and the geofence geometry.
 */
package org.skyfleet.simulator.mission;
