/**
 * The ports through which state changes, events and records leave the domain: the fleet bus (states and
 * events, followed whole, per vehicle or per area cell) and the durable log (what must not be lost).
 * In-process by default; broker adapters let several control-plane nodes share one fleet.
 */
package org.skyfleet.fleet.bus;
