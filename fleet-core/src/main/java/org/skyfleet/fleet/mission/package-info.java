/**
 * Missions as the fleet flies them: the lifecycle (draft, approved, uploading, uploaded, flying,
 * paused, completed, aborted, failed) with the reason for every transition, the content hash that
 * proves what flies is what was approved, and the progress the vehicle reports; and the
 * {@link org.skyfleet.fleet.mission.MissionStore} port that keeps them.
 */
package org.skyfleet.fleet.mission;
