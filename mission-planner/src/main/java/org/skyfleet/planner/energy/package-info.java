/**
 * Flight time and battery: time from path length, speed, climb, turns and holds; the reserve kept for
 * the return home; and the budget that says whether a route fits a vehicle.
 */
package org.skyfleet.planner.energy;
