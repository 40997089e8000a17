/** The simulated world's geometry: a local east-north frame in metres around a home point. */
package org.skyfleet.simulator.world;
