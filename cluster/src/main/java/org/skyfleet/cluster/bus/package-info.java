/**
 * The fleet bus over NATS: vehicle states and events on core NATS subjects laid out by vehicle and area
 * cell, handed to each listener through a conflating or bounded queue, and a durable log of what must not
 * be lost on a JetStream stream. Encoded with the API's protobuf messages.
 */
package org.skyfleet.cluster.bus;
