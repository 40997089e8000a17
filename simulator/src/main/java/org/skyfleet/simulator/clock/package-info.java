/**
 * The one simulated clock every part of the simulation reads, and the pacer that advances it in
 * real time or N times faster. Tests advance it by hand, which makes a run deterministic for a seed.
 */
package org.skyfleet.simulator.clock;
