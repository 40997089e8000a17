/**
 * Things that happen to a vehicle and that a person should see: link lost and restored, low battery,
 * GPS fix lost, warnings the autopilot printed. Derived from state changes by named rules.
 */
package org.skyfleet.fleet.event;
