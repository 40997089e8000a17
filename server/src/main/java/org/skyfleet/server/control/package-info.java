/** The gRPC edge of control: leases, commands through the autopilot, the airspace check and the audit. */
package org.skyfleet.server.control;
