/**
 * Battery packs as the aviation unit keeps them: identified by the serial the pack reports (MAVLink
 * SMART_BATTERY_INFO) or the label given when it is fitted at a swap; its cycles, capacity fade and last
 * charge; the aircraft it is in; and the grounding of that aircraft while the pack is past its limits, until
 * an admin clears it. Docks and swaps record the packs they fit here.
 */
package org.skyfleet.fleet.battery;
