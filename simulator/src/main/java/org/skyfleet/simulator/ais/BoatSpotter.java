package org.skyfleet.simulator.ais;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.simulator.vehicle.SimVehicle;
import org.skyfleet.simulator.world.LocalFrame;

/**
 * The drones' cameras seeing boats: an airborne drone within {@code rangeM} of a boat (AIS on or off) reports it
 * to the control plane as its edge computer would, {@code SightingService.ReportSighting} with class BOAT, at most
 * once per {@code everyS} per drone and boat. Calls are asynchronous, at most 16 in flight (more are dropped), so
 * the simulation thread never waits.
 */
public final class BoatSpotter {
    private static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-skyfleet-subject", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ROLE = Metadata.Key.of("x-skyfleet-role", Metadata.ASCII_STRING_MARSHALLER);
    private static final int MAX_IN_FLIGHT = 16;

    private final List<FishingBoat> boats;
    private final ManagedChannel channel;
    private final Function<SimVehicle, String> vehicleId;
    private final double rangeM;
    private final double everyS;
    private final Map<String, Double> lastReportS = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private long reports;

    /** @param vehicleId the control plane's id of a simulated drone, e.g. {@code mav-14550-1} */
    public BoatSpotter(List<FishingBoat> boats, ManagedChannel channel, Function<SimVehicle, String> vehicleId, double rangeM, double everyS) {
        this.boats = List.copyOf(boats);
        this.channel = channel;
        this.vehicleId = vehicleId;
        this.rangeM = rangeM;
        this.everyS = everyS;
    }

    /** Looks from every airborne drone at simulated time {@code tS}. */
    public void look(double tS, long epochMs, List<SimVehicle> drones) {
        for (SimVehicle d : drones) {
            if (!d.airborne()) {
                continue;
            }
            LocalFrame f = d.frame();
            for (FishingBoat b : boats) {
                FishingBoat.Fix fix = b.at(tS);
                double dE = f.eastM(fix.lonDeg()) - d.eastM();
                double dN = f.northM(fix.latDeg()) - d.northM();
                String key = d.name() + "/" + b.mmsi();
                if (Math.hypot(dE, dN) > rangeM || tS < lastReportS.getOrDefault(key, -1e9) + everyS) {
                    continue;
                }
                lastReportS.put(key, tS);
                report(vehicleId.apply(d), b, fix, epochMs);
            }
        }
    }

    public long reports() {
        return reports;
    }

    private void report(String droneId, FishingBoat b, FishingBoat.Fix fix, long epochMs) {
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            return;
        }
        reports++;
        Metadata who = new Metadata();
        who.put(SUBJECT, droneId);
        who.put(ROLE, "vehicle_edge");
        ReportSightingRequest r = ReportSightingRequest.newBuilder().setSightingId(droneId + "-boat-" + b.mmsi() + "-" + epochMs)
                .setSource(SightingSource.SIGHTING_SOURCE_DRONE).setSourceId(droneId)
                .setPosition(GeoPoint.newBuilder().setLatDeg(fix.latDeg()).setLonDeg(fix.lonDeg())).setSigmaM(15)
                .setTargetClass(TargetClass.TARGET_CLASS_BOAT).setConfidence(0.85)
                .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(epochMs / 1000).setNanos((int) (epochMs % 1000) * 1_000_000))
                .build();
        var call = SightingServiceGrpc.newFutureStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(who))
                .withDeadlineAfter(5, TimeUnit.SECONDS).reportSighting(r);
        call.addListener(inFlight::decrementAndGet, Runnable::run);
    }
}
