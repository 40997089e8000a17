/**
 * MAVLink's camera and gimbal protocols, ground side: camera commands encoded for the wire (gimbal protocol v2
 * with the older mount command as fallback, zoom, photo, video capture) and sent with the link's command
 * protocol, and the camera's reports (gimbal attitude, settings, capture status, captured images) turned into
 * degrees, percent and instants.
 */
package org.skyfleet.telemetry.camera;
