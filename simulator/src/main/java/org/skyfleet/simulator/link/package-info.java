/**
 * How a simulated vehicle's datagrams travel: real UDP sockets polled through one selector, an
 * in-memory link for deterministic tests, and the faults a radio link suffers (loss, latency, outage).
 */
package org.skyfleet.simulator.link;
