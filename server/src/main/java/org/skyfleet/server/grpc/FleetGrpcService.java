package org.skyfleet.server.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.skyfleet.proto.v1.GetPositionHistoryRequest;
import org.skyfleet.proto.v1.GetPositionHistoryResponse;
import org.skyfleet.server.history.PositionHistoryQuery;
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
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AcquireControlResponse;
import org.skyfleet.proto.v1.ControlChange;
import org.skyfleet.proto.v1.GetControlRequest;
import org.skyfleet.proto.v1.GetControlResponse;
import org.skyfleet.proto.v1.ReleaseControlRequest;
import org.skyfleet.proto.v1.ReleaseControlResponse;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.proto.v1.StreamControlChangesRequest;
import org.skyfleet.proto.v1.TakeOverControlRequest;
import org.skyfleet.proto.v1.TakeOverControlResponse;
import org.skyfleet.proto.v1.VehicleType;
import org.skyfleet.server.control.FleetControl;
import org.skyfleet.server.control.LinkClaimControl;
import org.skyfleet.proto.v1.ConfirmLinkClaimRequest;
import org.skyfleet.proto.v1.ConfirmLinkClaimResponse;
import org.skyfleet.server.enforcement.FenceUpload;
import org.skyfleet.proto.v1.UploadFenceRequest;
import org.skyfleet.proto.v1.UploadFenceResponse;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** {@code skyfleet.v1.FleetService}: the known vehicles, their latest state, their leases and commands. */
public final class FleetGrpcService extends FleetServiceGrpc.FleetServiceImplBase {
    private final VehicleRegistry registry;
    private final InstantSource clock;
    private final FleetControl control;
    private final FenceUpload fences;
    private final PositionHistoryQuery history;
    private final LinkClaimControl claims;

    public FleetGrpcService(VehicleRegistry registry, InstantSource clock, FleetControl control, FenceUpload fences,
                            PositionHistoryQuery history, LinkClaimControl claims) {
        this.claims = claims;
        this.registry = registry;
        this.clock = clock;
        this.control = control;
        this.fences = fences;
        this.history = history;
    }

    @Override
    public void getPositionHistory(GetPositionHistoryRequest request, StreamObserver<GetPositionHistoryResponse> observer) {
        answer(observer, () -> history.answer(request));
    }

    @Override
    public void uploadFence(UploadFenceRequest request, StreamObserver<UploadFenceResponse> observer) {
        try {
            fences.upload(CallerInterceptor.require(), request.getVehicleId()).whenComplete((r, e) -> {
                if (e != null) {
                    observer.onError(io.grpc.Status.INTERNAL.withDescription("fence upload failed: " + e).asRuntimeException());
                } else {
                    observer.onNext(UploadFenceResponse.newBuilder().setZones(r.zones()).setItems(r.items())
                            .setVerified(r.verified()).setDetail(r.detail()).build());
                    observer.onCompleted();
                }
            });
        } catch (StatusRuntimeException e) {
            observer.onError(e);
        }
    }

    @Override
    public void confirmLinkClaim(ConfirmLinkClaimRequest request, StreamObserver<ConfirmLinkClaimResponse> observer) {
        answer(observer, () -> claims.confirm(CallerInterceptor.require(), request));
    }

    @Override
    public void acquireControl(AcquireControlRequest request, StreamObserver<AcquireControlResponse> observer) {
        answer(observer, () -> control.acquire(CallerInterceptor.require(), request));
    }

    @Override
    public void releaseControl(ReleaseControlRequest request, StreamObserver<ReleaseControlResponse> observer) {
        answer(observer, () -> {
            control.release(CallerInterceptor.require(), request.getVehicleId());
            return ReleaseControlResponse.getDefaultInstance();
        });
    }

    @Override
    public void takeOverControl(TakeOverControlRequest request, StreamObserver<TakeOverControlResponse> observer) {
        answer(observer, () -> control.takeOver(CallerInterceptor.require(), request));
    }

    @Override
    public void getControl(GetControlRequest request, StreamObserver<GetControlResponse> observer) {
        answer(observer, () -> control.get(request.getVehicleId()));
    }

    @Override
    public void streamControlChanges(StreamControlChangesRequest request, StreamObserver<ControlChange> observer) {
        try {
            control.streamChanges(Set.copyOf(request.getVehicleIdsList()), observer);
        } catch (StatusRuntimeException e) {
            observer.onError(e);
        }
    }

    @Override
    public void sendCommand(SendCommandRequest request, StreamObserver<SendCommandResponse> observer) {
        try {
            control.send(CallerInterceptor.require(), request, observer);
        } catch (StatusRuntimeException e) {
            observer.onError(e);
        }
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
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
