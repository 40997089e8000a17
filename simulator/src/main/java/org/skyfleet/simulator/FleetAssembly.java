package org.skyfleet.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.skyfleet.simulator.autopilot.FailsafeConfig;
import org.skyfleet.simulator.clock.SimClock;
import org.skyfleet.simulator.ground.SimulatedUnit;
import org.skyfleet.simulator.link.Transport;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.scenario.GeoPoint;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.ScenarioVehicle;
import org.skyfleet.simulator.scenario.TargetSpec;
import org.skyfleet.simulator.sensor.Camera;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.LoopPath;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.vehicle.VehicleSpec;
import org.skyfleet.simulator.wire.VehicleWire;
import org.skyfleet.simulator.world.LocalFrame;
import org.skyfleet.simulator.world.Wind;
import org.skyfleet.simulator.world.people.MovementModel;
import org.skyfleet.simulator.world.people.PathWalker;
import org.skyfleet.simulator.world.people.Target;
import org.skyfleet.simulator.world.people.Wanderer;

/** Builds the vehicles, their wires and the world from a scenario or from the default fleet's config. */
final class FleetAssembly {
    record Fleet(List<VehicleWire> wires, World world, List<FaultSpec> faults) {
    }

    private FleetAssembly() {
    }

    /** Drones on circles and robots on rectangles around home, already flying, as the first cut did. */
    static Fleet of(SimulationConfig config, SimClock clock, Function<String, Transport> transportFor) {
        Random random = new Random(config.seed());
        LocalFrame frame = new LocalFrame(config.homeLatDeg(), config.homeLonDeg());
        List<VehicleWire> wires = new ArrayList<>();
        int systemId = config.firstSystemId();
        FailsafeConfig failsafe = FailsafeConfig.defaults();
        for (int i = 0; i < config.drones(); i++) {
            double angle = 2 * Math.PI * i / Math.max(1, config.drones());
            double offsetM = 300 + 200 * random.nextDouble();
            LoopPath path = LoopPath.circle(offsetM * Math.sin(angle), offsetM * Math.cos(angle), 120 + 180 * random.nextDouble());
            double speed = 8 + 6 * random.nextDouble();
            VehicleSpec spec = VehicleSpec.px4Quadrotor().withSpeeds(Math.max(12, speed), speed)
                    .withEnduranceS(1500 + 600 * random.nextDouble());
            String name = "drone-" + (i + 1);
            byte[] key = config.signingKeys().get(systemId);
            SimVehicle v = new SimVehicle(name, systemId++, spec, frame, 0, 0, config.homeAltAmslM(), 100, random.nextLong());
            VehicleWire w = new VehicleWire(v, failsafe, transportFor.apply(name), clock, config.positionRateHz(), key,
                    random.nextLong());
            w.autopilot().startPatrol(path, 60 + 10 * i, 1000 * random.nextDouble());
            wires.add(w);
        }
        for (int i = 0; i < config.robots(); i++) {
            double width = 150 + 100 * random.nextDouble();
            double height = 100 + 100 * random.nextDouble();
            LoopPath path = LoopPath.rectangle(-width / 2 + 40 * i, -height / 2 - 40 * i, width, height);
            double speed = 1.5 + random.nextDouble();
            VehicleSpec spec = VehicleSpec.patrolRover(AutopilotFlavour.ARDUPILOT_LEGACY).withSpeeds(3, speed);
            String name = "robot-" + (i + 1);
            byte[] key = config.signingKeys().get(systemId);
            SimVehicle v = new SimVehicle(name, systemId++, spec, frame, 0, 0, config.homeAltAmslM(), 100, random.nextLong());
            VehicleWire w = new VehicleWire(v, failsafe, transportFor.apply(name), clock, config.positionRateHz(), key,
                    random.nextLong());
            w.autopilot().startPatrol(path, 0, 500 * random.nextDouble());
            wires.add(w);
        }
        return new Fleet(List.copyOf(wires), new World(Wind.calm(), List.of(), List.of(), List.of(), 0, false), List.of());
    }

    static Fleet of(Scenario s, SimClock clock, Function<String, Transport> transportFor) {
        Random random = new Random(s.seed());
        LocalFrame frame = new LocalFrame(s.home().latDeg(), s.home().lonDeg());
        FailsafeConfig failsafe = s.failsafe().toConfig();
        List<VehicleWire> wires = new ArrayList<>();
        List<Camera> cameras = new ArrayList<>();
        int systemId = 1;
        for (ScenarioVehicle sv : s.vehicles()) {
            GeoPoint start = sv.start() != null ? sv.start() : s.home();
            double e = frame.eastM(start.lonDeg());
            double n = frame.northM(start.latDeg());
            double battery = sv.batteryPercent() != null ? sv.batteryPercent() : 100;
            SimVehicle v = new SimVehicle(sv.name(), systemId++, sv.spec(), frame, e, n, s.homeAltAmslM(), battery,
                    random.nextLong());
            VehicleWire w = new VehicleWire(v, failsafe, transportFor.apply(sv.name()), clock, 5, sv.signingKey(),
                    random.nextLong());
            if (!sv.patrol().isEmpty()) {
                List<double[]> loop = sv.patrol().stream()
                        .map(p -> new double[] {frame.eastM(p.lonDeg()), frame.northM(p.latDeg())}).toList();
                w.autopilot().startPatrol(LoopPath.polygon(loop), sv.patrolAltM() != null ? sv.patrolAltM() : 60, 0);
            }
            if (sv.dock() != null) {
                GeoPoint pad = sv.dock().position() != null ? sv.dock().position() : start;
                w.attachDock(new org.skyfleet.simulator.dock.Dock(sv.dock().kind(), frame.eastM(pad.lonDeg()),
                        frame.northM(pad.latDeg()), sv.dock().curve(), sv.dock().swapTime()));
            }
            if (sv.camera() != null) {
                cameras.add(new Camera(v, sv.camera().preset(), sv.camera().falsePositivesPerMin(), random.nextLong()));
            }
            wires.add(w);
        }
        List<Target> targets = new ArrayList<>();
        for (TargetSpec t : s.targets()) {
            MovementModel model = switch (t.movement()) {
                case WANDERER -> new Wanderer(t.speedMps() != null ? t.speedMps() : 0.5, t.rangeM() != null ? t.rangeM() : 1500,
                        300, 180);
                case PATH -> new PathWalker(t.path().stream()
                        .map(p -> new double[] {frame.eastM(p.lonDeg()), frame.northM(p.latDeg())}).toList(),
                        t.speedMps() != null ? t.speedMps() : 1.3);
                case STATIONARY -> MovementModel.stationary();
            };
            targets.add(new Target(t.id(), frame.eastM(t.start().lonDeg()), frame.northM(t.start().latDeg()), model,
                    random.nextLong()));
        }
        Wind wind = new Wind(s.wind().speedMps(), s.wind().fromDeg(), s.wind().gustMps(), random.nextLong());
        List<SimulatedUnit> units = s.units().stream().map(u -> new SimulatedUnit(u, frame)).toList();
        World world = new World(wind, List.copyOf(targets), units, List.copyOf(cameras), s.canopyCover(), s.night());
        return new Fleet(List.copyOf(wires), world, s.faults());
    }
}
