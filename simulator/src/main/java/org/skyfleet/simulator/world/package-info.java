/**
 * The simulated world: a local east-north frame in metres around a reference point, the wind with its
 * gusts, and the people to be found with the way each of them moves.
 */
package org.skyfleet.simulator.world;
