package org.skyfleet.server.grpc;

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
        StatusMapping.answer(observer, () -> history.answer(request));
    }

    @Override
    public void uploadFence(UploadFenceRequest request, StreamObserver<UploadFenceResponse> observer) {
        StatusMapping.answerLater(observer, () -> fences.upload(CallerInterceptor.require(), request.getVehicleId())
                .thenApply(r -> UploadFenceResponse.newBuilder().setZones(r.zones()).setItems(r.items())
                        .setVerified(r.verified()).setDetail(r.detail()).build()));
    }

    @Override
    public void confirmLinkClaim(ConfirmLinkClaimRequest request, StreamObserver<ConfirmLinkClaimResponse> observer) {
        StatusMapping.answer(observer, () -> claims.confirm(CallerInterceptor.require(), request));
    }

    @Override
    public void acquireControl(AcquireControlRequest request, StreamObserver<AcquireControlResponse> observer) {
        StatusMapping.answer(observer, () -> control.acquire(CallerInterceptor.require(), request));
    }

    @Override
    public void releaseControl(ReleaseControlRequest request, StreamObserver<ReleaseControlResponse> observer) {
        StatusMapping.answer(observer, () -> {
            control.release(CallerInterceptor.require(), request.getVehicleId());
            return ReleaseControlResponse.getDefaultInstance();
        });
    }

    @Override
    public void takeOverControl(TakeOverControlRequest request, StreamObserver<TakeOverControlResponse> observer) {
        StatusMapping.answer(observer, () -> control.takeOver(CallerInterceptor.require(), request));
    }

    @Override
    public void getControl(GetControlRequest request, StreamObserver<GetControlResponse> observer) {
        StatusMapping.answer(observer, () -> control.get(request.getVehicleId()));
    }

    @Override
    public void streamControlChanges(StreamControlChangesRequest request, StreamObserver<ControlChange> observer) {
        StatusMapping.admit(observer, () -> control.streamChanges(Set.copyOf(request.getVehicleIdsList()), observer));
    }

    @Override
    public void sendCommand(SendCommandRequest request, StreamObserver<SendCommandResponse> observer) {
        StatusMapping.answerLater(observer, () -> control.send(CallerInterceptor.require(), request));
    }

    @Override
    public void listVehicles(ListVehiclesRequest request, StreamObserver<ListVehiclesResponse> observer) {
        StatusMapping.answer(observer, () -> {
            for (int t : request.getTypesValueList()) {
                if (VehicleType.forNumber(t) == null || t == 0) {
                    throw new IllegalArgumentException("types: unknown vehicle type " + t
                            + "; give VEHICLE_TYPE_MULTICOPTER, ..._GROUND_ROVER... or none for all");
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
            return response.build();
        });
    }

    @Override
    public void getVehicle(GetVehicleRequest request, StreamObserver<GetVehicleResponse> observer) {
        StatusMapping.answer(observer, () -> {
            String id = request.getVehicleId();
            if (id.isBlank()) {
                throw new IllegalArgumentException("vehicle_id is required");
            }
            VehicleState s = registry.find(id).orElseThrow(() -> new java.util.NoSuchElementException("unknown vehicle '"
                    + StateFilter.abbreviate(id) + "'; ListVehicles shows the known ids"));
            return GetVehicleResponse.newBuilder().setVehicle(ProtoMapper.toProto(s, clock.instant())).build();
        });
    }
}
