/**
 * The command relay: a command given on any node reaches the node that owns the vehicle's link over NATS
 * request/reply, runs there once per command id, and returns the vehicle's real answer. With a token key each
 * relayed call carries a token for its caller ({@link org.skyfleet.cluster.relay.CallerTokens}) and the owner checks
 * it against the role table ({@link org.skyfleet.cluster.relay.RelayGate}) before running it.
 */
package org.skyfleet.cluster.relay;
