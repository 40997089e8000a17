package org.skyfleet.simulator.gcs;

import java.util.List;
import org.skyfleet.simulator.scenario.FailsafeSpec;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.scenario.TargetSpec;
import org.skyfleet.simulator.scenario.WindSpec;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.world.LocalFrame;

/** Small scenarios for tests, around one home point. */
public final class TestScenarios {
    public static final GeoPoint HOME = new GeoPoint(51.5034, -0.1276);
    public static final LocalFrame FRAME = new LocalFrame(HOME.latDeg(), HOME.lonDeg());

    private TestScenarios() {
    }

    public static ScenarioVehicle drone(String name) {
        return drone(name, 100.0);
    }

    public static ScenarioVehicle drone(String name, Double batteryPercent) {
        return new ScenarioVehicle(name, SimVehicleKind.MULTICOPTER, null, null, null, batteryPercent, null, null, null,
                null, null, null, null);
    }

    public static ScenarioVehicle rover(String name) {
        return new ScenarioVehicle(name, SimVehicleKind.GROUND_ROVER, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public static Scenario of(double timeScale, FailsafeSpec failsafe, WindSpec wind, List<ScenarioVehicle> vehicles,
                              List<TargetSpec> targets, List<FaultSpec> faults) {
        return new Scenario("test", "a test scenario", 7, 0, timeScale, HOME, 30, List.of(), false, 0, wind, failsafe,
                vehicles, targets, faults, null, null);
    }

    public static Scenario of(double timeScale, List<ScenarioVehicle> vehicles) {
        return of(timeScale, null, null, vehicles, null, null);
    }
}
