/** What the vehicle's parts need of the wire: an outbox that sends a MAVLink message to the ground station. */
package org.skyfleet.simulator.mavlink;
