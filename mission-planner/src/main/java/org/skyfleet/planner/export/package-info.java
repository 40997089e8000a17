/**
 * Plans out and missions in, as strings: MAVLink mission items ready for the upload handshake,
 * QGroundControl {@code .plan} JSON (export, and import of simple waypoint missions and geofences),
 * GeoJSON and KML. No file I/O.
 */
package org.skyfleet.planner.export;
