/**
 * Simulated vehicles' bodies: their kind and flight-stack flavour, performance limits, multicopter and
 * rover dynamics under wind, the battery that drains with what the vehicle does, and a GPS that has
 * noise and can lose its fix.
 */
package org.skyfleet.simulator.vehicle;
