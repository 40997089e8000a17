/** The in-process adapter of the fleet bus: listeners called on the publisher's thread. */
package org.skyfleet.telemetry.bus;
