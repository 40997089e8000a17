package org.skyfleet.server.aircraft;

import io.grpc.BindableService;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.fleet.airframe.ConsumptionLearner;
import org.skyfleet.fleet.airframe.VehicleEndurance;
import java.util.List;
import java.util.function.Function;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.flightlog.FlightContext;
import org.skyfleet.fleet.flightlog.FlightLog;
import org.skyfleet.fleet.flightlog.FlightRecorder;
import org.skyfleet.fleet.battery.BatteryPacks;
import org.skyfleet.fleet.battery.Grounding;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.link.FrameObserver;

/**
 * The aircraft records of one node, assembled once: the profiles and bindings, what the links tell about
 * each aircraft (AUTOPILOT_VERSION, BATTERY_STATUS, SMART_BATTERY_INFO), the endurance plans count on, the
 * battery packs, the flights recorded from the bus, and the gRPC service. Writes the links cause run on {@code writer}.
 */
public final class AircraftRecords implements AutoCloseable {
    private final Airframes airframes;
    private final VehicleEndurance endurance;
    private final BatteryPacks batteries;
    private final FlightLog flights;
    private final List<AutoCloseable> subscriptions;
    private final FrameObserver observer;
    private final AircraftGrpcService service;

    /**
     * @param bus        the node's own vehicles' states and events, from which their flights are recorded
     * @param flying     what a vehicle flies as and for at its takeoff (lease holder, mission, incident)
     */
    public AircraftRecords(Store store, AuditJournal audit, VehicleRegistry registry, FleetBus bus, InstantSource clock,
                           ExecutorService writer, Function<String, FlightContext> flying) {
        this.airframes = new Airframes(store.airframes(), audit, clock);
        ConsumptionLearner learner = new ConsumptionLearner();
        this.endurance = new VehicleEndurance(airframes, learner, registry, clock);
        FrameObserver identification = new AutopilotIdentification(airframes, writer);
        FrameObserver timeRemaining = new BatteryFrames(endurance, registry);
        this.batteries = new BatteryPacks(store.batteries(), audit, clock);
        FrameObserver packs = new SmartBatteryReports(batteries, writer);
        this.observer = (vehicleId, frame) -> {
            identification.onFrame(vehicleId, frame);
            timeRemaining.onFrame(vehicleId, frame);
            packs.onFrame(vehicleId, frame);
        };
        this.flights = new FlightLog(store.flights(), airframes, audit, clock, writer);
        FlightRecorder recorder = new FlightRecorder(clock, vehicleId -> {
            FlightContext c = flying.apply(vehicleId);
            return new FlightContext(c.flownBy(), c.missionId(), c.incidentId(), airframes.binding(vehicleId).map(b -> b.profileId()).orElse(""),
                    batteries.packIn(vehicleId).map(p -> p.packId()).orElse(""));
        }, flights::landed);
        this.subscriptions = List.of(bus.subscribeStates(recorder::onState), bus.subscribeEvents(recorder::onEvent));
        this.service = new AircraftGrpcService(airframes, registry, endurance, batteries, flights, clock);
    }

    /** Every flight, and the maintenance each aircraft is due. */
    public FlightLog flights() {
        return flights;
    }

    /** Stops recording flights. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
    }

    /** The battery packs, and the grounding of the aircraft a worn pack is in. */
    public BatteryPacks batteries() {
        return batteries;
    }

    /** Why a vehicle may not arm, take off or start a mission: for the command and mission paths. */
    public Grounding grounding() {
        return batteries;
    }

    /** The endurance every plan for a live vehicle counts on. */
    public VehicleEndurance endurance() {
        return endurance;
    }

    public Airframes airframes() {
        return airframes;
    }

    /** To add to every MAVLink link: sees each vehicle's frames. */
    public FrameObserver linkObserver() {
        return observer;
    }

    public BindableService grpcService() {
        return service;
    }

}
