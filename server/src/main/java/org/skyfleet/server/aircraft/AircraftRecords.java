package org.skyfleet.server.aircraft;

import io.grpc.BindableService;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.link.FrameObserver;

/**
 * The aircraft records of one node, assembled once: the profiles and bindings, what the links tell about
 * each aircraft (its AUTOPILOT_VERSION), and the gRPC service. Writes the links cause run on {@code writer}.
 */
public final class AircraftRecords {
    private final Airframes airframes;
    private final FrameObserver observer;
    private final AircraftGrpcService service;

    public AircraftRecords(Store store, AuditJournal audit, VehicleRegistry registry, InstantSource clock, ExecutorService writer) {
        this.airframes = new Airframes(store.airframes(), audit, clock);
        this.observer = new AutopilotIdentification(airframes, writer);
        this.service = new AircraftGrpcService(airframes, registry);
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
