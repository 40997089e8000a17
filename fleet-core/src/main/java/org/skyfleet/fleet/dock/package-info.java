/**
 * Docks: the charging and swapping stations vehicles park on between flights, as their MAVLink components report
 * them (a HEARTBEAT of type MAV_TYPE_CHARGING_STATION, a BATTERY_STATUS of the pack on the pad). A dock belongs to
 * one vehicle's system and tells whether something stands on it, whether it charges or swaps, and how full the
 * pack on it is; nothing here depends on what kind of vehicle that is.
 */
package org.skyfleet.fleet.dock;
