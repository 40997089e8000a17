/** Simulated vehicles: their kind, flight stack flavour, motion along a path and battery. */
package org.skyfleet.simulator.vehicle;
