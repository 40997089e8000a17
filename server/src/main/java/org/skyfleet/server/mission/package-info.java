/**
 * The gRPC edge of missions: {@code skyfleet.v1.MissionService} ({@link
 * org.skyfleet.server.mission.MissionGrpcService}), planning on its own bounded pool ({@link
 * org.skyfleet.server.mission.MissionPlanning}, {@link org.skyfleet.server.mission.MissionExport}), the lifecycle
 * against real vehicles ({@link org.skyfleet.server.mission.MissionControl}), progress streams ({@link
 * org.skyfleet.server.mission.MissionProgressStream}) and the mapping between the messages and the planner's
 * records.
 */
package org.skyfleet.server.mission;
