/**
 * A control-plane node's part in a fleet shared by several nodes: which vehicles it ingests (those whose
 * links it owns), the other nodes' vehicles mirrored from the bus, and commands relayed to their owners.
 * Missions are shared through the board ({@code MissionSharing}). The adapters live in {@code bus},
 * {@code ownership} and {@code relay}.
 */
package org.skyfleet.cluster;
