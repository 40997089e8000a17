/**
 * MAVLink links: a UDP endpoint on Netty that discovers vehicles by their heartbeat, binds each to
 * the address it speaks from, asks it for the streams the control plane needs, applies what it sends
 * to the vehicle registry (the link's event-loop thread is each of its vehicles' single writer), and
 * declares a link lost when heartbeats stop.
 */
package org.skyfleet.telemetry.link;
