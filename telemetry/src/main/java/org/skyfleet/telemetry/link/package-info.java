/**
 * MAVLink links: a UDP endpoint on Netty that discovers vehicles by their heartbeat, binds each to
 * the address it speaks from, asks it for the streams the control plane needs, applies what it sends
 * to the vehicle registry (the link's event-loop thread is each of its vehicles' single writer), and
 * declares a link lost when heartbeats stop. On a signed link (MAVLink 2 signing keys per system id)
 * unsigned, badly signed and replayed frames are dropped before any of that, and what is sent is signed.
 */
package org.skyfleet.telemetry.link;
