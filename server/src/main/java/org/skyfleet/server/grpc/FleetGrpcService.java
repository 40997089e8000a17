package org.skyfleet.server.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetVehicleRequest;
import org.skyfleet.proto.v1.GetVehicleResponse;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.ListVehiclesResponse;
import org.skyfleet.proto.v1.VehicleType;

/** {@code skyfleet.v1.FleetService}: the known vehicles and their latest state. */
public final class FleetGrpcService extends FleetServiceGrpc.FleetServiceImplBase {
    private final VehicleRegistry registry;
    private final InstantSource clock;

    public FleetGrpcService(VehicleRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void listVehicles(ListVehiclesRequest request, StreamObserver<ListVehiclesResponse> observer) {
        for (int t : request.getTypesValueList()) {
            if (VehicleType.forNumber(t) == null || t == 0) {
                observer.onError(Status.INVALID_ARGUMENT.withDescription("types: unknown vehicle type " + t)
                        .asRuntimeException());
                return;
            }
        }
        Set<VehicleType> types = Set.copyOf(request.getTypesList());
        Instant now = clock.instant();
        ListVehiclesResponse.Builder response = ListVehiclesResponse.newBuilder().setAsOf(ProtoMapper.timestamp(now));
        for (VehicleState s : registry.all()) {
            if (types.isEmpty() || types.contains(ProtoMapper.vehicleType(s.identity().kind()))) {
                response.addVehicles(ProtoMapper.toProto(s, now));
            }
        }
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void getVehicle(GetVehicleRequest request, StreamObserver<GetVehicleResponse> observer) {
        String id = request.getVehicleId();
        if (id.isBlank()) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("vehicle_id is required").asRuntimeException());
            return;
        }
        registry.find(id).ifPresentOrElse(
                s -> {
                    observer.onNext(GetVehicleResponse.newBuilder().setVehicle(ProtoMapper.toProto(s, clock.instant())).build());
                    observer.onCompleted();
                },
                () -> observer.onError(Status.NOT_FOUND.withDescription("unknown vehicle '" + StateFilter.abbreviate(id)
                        + "'; ListVehicles shows the known ids").asRuntimeException()));
    }
}
