package org.skyfleet.server.enforcement;

import io.grpc.Status;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.vehicle.VehicleRegistry;

/** Uploads the zones in force that apply to a vehicle as its autopilot fence, reads it back, journals it. */
public final class FenceUpload {
    /** What happened: how many zones and items, and whether the read-back matched. */
    public record Result(int zones, int items, boolean verified, String detail) {
    }

    private final Geofences zones;
    private final VehicleRegistry vehicles;
    private final ControlLeases leases;
    private final MissionTransfer transfer;
    private final AuditJournal audit;
    private final InstantSource clock;
    /** vehicle id -> ids of the zones in the fence it last verified. */
    private final java.util.Map<String, java.util.Set<String>> fenced = new java.util.concurrent.ConcurrentHashMap<>();

    public FenceUpload(Geofences zones, VehicleRegistry vehicles, ControlLeases leases, MissionTransfer transfer,
                       AuditJournal audit, InstantSource clock) {
        this.zones = zones;
        this.vehicles = vehicles;
        this.leases = leases;
        this.transfer = transfer;
        this.audit = audit;
        this.clock = clock;
    }

    public CompletionStage<Result> upload(Operator caller, String vehicleId) {
        var vehicle = vehicles.find(vehicleId).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("unknown vehicle '" + vehicleId + "'").asRuntimeException());
        leases.requireHeldBy(vehicleId, caller);  // LeaseConflictException: FAILED_PRECONDITION at the edge
        var now = clock.instant();
        var applicable = zones.all().stream()
                .filter(z -> z.appliesTo().vehicleIds().isEmpty() || z.appliesTo().vehicleIds().contains(vehicleId))
                .filter(z -> z.appliesTo().vehicleKinds().isEmpty() || z.appliesTo().vehicleKinds().contains(vehicle.identity().kind()))
                .filter(z -> z.schedule() == null || z.schedule().isActiveAt(now))
                .toList();
        List<MissionItem> items = org.skyfleet.fleet.geofence.FenceItems.forVehicle(applicable, vehicleId,
                vehicle.identity().kind(), now);
        MissionContentHash sent = MissionContentHash.of(MissionType.FENCE, items);
        return transfer.upload(vehicleId, MissionType.FENCE, items).thenCompose(up -> {
            if (!up.completed()) {
                return CompletableFuture.completedFuture(done(caller, vehicleId, new Result(applicable.size(), items.size(), false,
                        "upload failed: " + up.status() + (up.vehicleResult() == null ? "" : " " + up.vehicleResult()) + " " + up.detail())));
            }
            return transfer.download(vehicleId, MissionType.FENCE).thenApply(down -> {
                boolean same = down.completed() && MissionContentHash.of(MissionType.FENCE, down.items()).equals(sent);
                if (same) {
                    fenced.put(vehicleId, applicable.stream().map(org.skyfleet.fleet.geofence.Zone::id)
                            .collect(java.util.stream.Collectors.toUnmodifiableSet()));
                }
                return done(caller, vehicleId, new Result(applicable.size(), items.size(), same,
                        same ? "read back, hash matches" : "read-back " + (down.completed() ? "differs" : "failed: " + down.status())));
            });
        });
    }

    /** The zones in the fence the vehicle last confirmed, empty if none. */
    public java.util.Set<String> zonesInFenceOf(String vehicleId) {
        return fenced.getOrDefault(vehicleId, java.util.Set.of());
    }

    private Result done(Operator caller, String vehicleId, Result r) {
        audit.append(caller.toString(), "fence upload", vehicleId, r.zones() + " zones, " + r.items() + " items",
                (r.verified() ? "VERIFIED: " : "FAILED: ") + r.detail());
        return r;
    }
}
