/**
 * The gRPC edge of mission planning: {@code skyfleet.v1.MissionService}, the mapping between its
 * messages and the planner's records, and the bounded pool plans are computed on.
 */
package org.skyfleet.server.mission;
