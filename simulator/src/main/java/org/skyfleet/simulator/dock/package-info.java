/**
 * Docks: the pads a vehicle lands on to be charged or to have its pack swapped, whatever the vehicle is (a
 * drone's box on a roof, a ground robot's kiosk at a police post). A {@link org.skyfleet.simulator.dock.Dock}
 * works on a parked vehicle's {@link org.skyfleet.simulator.vehicle.Battery} only, charging it along a
 * {@link org.skyfleet.simulator.dock.ChargingCurve} or swapping it after a set time; it speaks MAVLink as a
 * component of its vehicle's system (HEARTBEAT of type MAV_TYPE_CHARGING_STATION, BATTERY_STATUS of the pack
 * on it), so the ground station sees what a real dock would tell it.
 */
package org.skyfleet.simulator.dock;
