/**
 * The command relay: a command given on any node reaches the node that owns the vehicle's link over NATS
 * request/reply, runs there once per command id, and returns the vehicle's real answer.
 */
package org.skyfleet.cluster.relay;
