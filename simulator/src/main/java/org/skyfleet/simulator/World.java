package org.skyfleet.simulator;

import java.util.List;
import org.skyfleet.simulator.ground.SimulatedUnit;
import org.skyfleet.simulator.sensor.Camera;
import org.skyfleet.simulator.world.Wind;
import org.skyfleet.simulator.world.people.Target;

/**
 * Everything in a simulation that is not a vehicle's wire: wind, people, police ground units, cameras,
 * light and canopy.
 */
record World(Wind wind, List<Target> targets, List<SimulatedUnit> units, List<Camera> cameras, double canopyCover,
             boolean night) {
}
