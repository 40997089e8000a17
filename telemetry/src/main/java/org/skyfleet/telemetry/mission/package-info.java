/**
 * The ground side of the MAVLink mission protocol behind {@link org.skyfleet.fleet.command.MissionTransfer}:
 * upload (MISSION_COUNT, then one MISSION_ITEM_INT per MISSION_REQUEST_INT or legacy MISSION_REQUEST, finished
 * by the vehicle's MISSION_ACK), download (MISSION_REQUEST_LIST, MISSION_COUNT, MISSION_REQUEST_INT per item,
 * our MISSION_ACK) and clear (MISSION_CLEAR_ALL, MISSION_ACK), for missions, geofences and rally points.
 *
 * <p>Each transfer is a {@link org.skyfleet.telemetry.mission.TransferSession} that lives on the link's event
 * loop with its one timeout timer: silence re-sends the last message, a vehicle that answers resets the retries.
 * {@link org.skyfleet.telemetry.mission.MissionWire} is the one place items and results cross between the domain
 * and dronefleet's MAVLink classes.
 */
package org.skyfleet.telemetry.mission;
