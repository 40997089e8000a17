/** The simulator's own capacity: how many MAVLink vehicles one process drives at 10 Hz. */
package org.skyfleet.bench.simulator;
