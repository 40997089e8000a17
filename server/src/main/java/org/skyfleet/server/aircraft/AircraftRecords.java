package org.skyfleet.server.aircraft;

import io.grpc.BindableService;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.fleet.airframe.ConsumptionLearner;
import org.skyfleet.fleet.airframe.VehicleEndurance;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.link.FrameObserver;

/**
 * The aircraft records of one node, assembled once: the profiles and bindings, what the links tell about
 * each aircraft (its AUTOPILOT_VERSION), and the gRPC service. Writes the links cause run on {@code writer}.
 */
public final class AircraftRecords implements AutoCloseable {
    private final Airframes airframes;
    private final VehicleEndurance endurance;
    private final FrameObserver observer;
    private final AircraftGrpcService service;
    private final AutoCloseable learning;

    /** @param bus the node's own vehicles' states, from which their consumption is learned */
    public AircraftRecords(Store store, AuditJournal audit, VehicleRegistry registry, FleetBus bus, InstantSource clock,
                           ExecutorService writer) {
        this.airframes = new Airframes(store.airframes(), audit, clock);
        ConsumptionLearner learner = new ConsumptionLearner();
        this.endurance = new VehicleEndurance(airframes, learner, registry, clock);
        FrameObserver identification = new AutopilotIdentification(airframes, writer);
        FrameObserver timeRemaining = new BatteryTimeRemaining(endurance);
        this.observer = (vehicleId, frame) -> {
            identification.onFrame(vehicleId, frame);
            timeRemaining.onFrame(vehicleId, frame);
        };
        this.service = new AircraftGrpcService(airframes, registry, endurance);
        this.learning = bus.subscribeStates(learner::onState);
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

    /** Stops learning from the bus. */
    @Override
    public void close() throws Exception {
        learning.close();
    }
}
