/**
 * {@code skyfleet.v1.CameraService}: camera and gimbal commands at the gRPC edge, under the vehicle's control
 * lease and journaled, and the camera state vehicles report.
 */
package org.skyfleet.server.camera;
