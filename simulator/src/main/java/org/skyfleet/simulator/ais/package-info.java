/**
 * Simulated vessels that speak AIS as transponders do: ITU-R M.1371 messages armoured into NMEA 0183
 * {@code !AIVDM} sentences, sent over UDP as a receiver forwards them; fishing boats that leave and return
 * to port on schedules, and one that goes dark at sea.
 */
package org.skyfleet.simulator.ais;
