package org.skyfleet.server.aircraft;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.Airframes;
import org.skyfleet.fleet.airframe.FlightPhase;
import org.skyfleet.fleet.airframe.VehicleEndurance;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.proto.v1.AircraftServiceGrpc;
import org.skyfleet.proto.v1.AirframeProfileResponse;
import org.skyfleet.proto.v1.BindVehicleAirframeRequest;
import org.skyfleet.proto.v1.CreateAirframeProfileRequest;
import org.skyfleet.proto.v1.DeleteAirframeProfileRequest;
import org.skyfleet.proto.v1.DeleteAirframeProfileResponse;
import org.skyfleet.proto.v1.GetAirframeProfileRequest;
import org.skyfleet.proto.v1.ListAirframeProfilesRequest;
import org.skyfleet.proto.v1.ListAirframeProfilesResponse;
import org.skyfleet.proto.v1.ListVehicleAirframesRequest;
import org.skyfleet.proto.v1.ListVehicleAirframesResponse;
import org.skyfleet.proto.v1.UnbindVehicleAirframeRequest;
import org.skyfleet.proto.v1.UnbindVehicleAirframeResponse;
import org.skyfleet.proto.v1.UpdateAirframeProfileRequest;
import org.skyfleet.proto.v1.VehicleAirframeResponse;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.AircraftService} over {@link Airframes}: the domain validates a profile whole before
 * anything is stored and journals every change in the caller's name. Short calls, on the gRPC thread.
 */
public final class AircraftGrpcService extends AircraftServiceGrpc.AircraftServiceImplBase {
    private final Airframes airframes;
    private final VehicleRegistry registry;
    private final VehicleEndurance endurance;

    public AircraftGrpcService(Airframes airframes, VehicleRegistry registry, VehicleEndurance endurance) {
        this.airframes = airframes;
        this.registry = registry;
        this.endurance = endurance;
    }

    @Override
    public void createAirframeProfile(CreateAirframeProfileRequest request, StreamObserver<AirframeProfileResponse> observer) {
        run(observer, () -> {
            AirframeProfile p = AircraftProtoMapper.profile(request.getProfile()).validated();
            synchronized (airframes) {
                if (airframes.profile(p.profileId()).isPresent()) {
                    throw Status.ALREADY_EXISTS.withDescription("airframe profile '" + p.profileId()
                            + "' already exists: update it, or choose another id").asRuntimeException();
                }
                return response(airframes.create(p, CallerInterceptor.require()));
            }
        });
    }

    @Override
    public void updateAirframeProfile(UpdateAirframeProfileRequest request, StreamObserver<AirframeProfileResponse> observer) {
        run(observer, () -> response(airframes.update(AircraftProtoMapper.profile(request.getProfile()), CallerInterceptor.require())));
    }

    @Override
    public void deleteAirframeProfile(DeleteAirframeProfileRequest request, StreamObserver<DeleteAirframeProfileResponse> observer) {
        run(observer, () -> {
            airframes.delete(request.getProfileId(), CallerInterceptor.require());
            return DeleteAirframeProfileResponse.getDefaultInstance();
        });
    }

    @Override
    public void getAirframeProfile(GetAirframeProfileRequest request, StreamObserver<AirframeProfileResponse> observer) {
        run(observer, () -> response(airframes.profile(request.getProfileId()).orElseThrow(() -> new java.util.NoSuchElementException(
                "airframe profile '" + request.getProfileId() + "' does not exist: ListAirframeProfiles shows the ids"))));
    }

    @Override
    public void listAirframeProfiles(ListAirframeProfilesRequest request, StreamObserver<ListAirframeProfilesResponse> observer) {
        run(observer, () -> {
            ListAirframeProfilesResponse.Builder b = ListAirframeProfilesResponse.newBuilder();
            airframes.profiles().forEach(p -> b.addProfiles(AircraftProtoMapper.proto(p)));
            return b.build();
        });
    }

    @Override
    public void bindVehicleAirframe(BindVehicleAirframeRequest request, StreamObserver<VehicleAirframeResponse> observer) {
        run(observer, () -> {
            var b = airframes.bind(request.getVehicleId(), request.getProfileId(), CallerInterceptor.require());
            return VehicleAirframeResponse.newBuilder().setVehicle(vehicle(b.vehicleId())).build();
        });
    }

    @Override
    public void unbindVehicleAirframe(UnbindVehicleAirframeRequest request, StreamObserver<UnbindVehicleAirframeResponse> observer) {
        run(observer, () -> {
            airframes.unbind(request.getVehicleId(), CallerInterceptor.require());
            return UnbindVehicleAirframeResponse.getDefaultInstance();
        });
    }

    @Override
    public void listVehicleAirframes(ListVehicleAirframesRequest request, StreamObserver<ListVehicleAirframesResponse> observer) {
        run(observer, () -> {
            TreeSet<String> ids = new TreeSet<>();
            registry.all().forEach(v -> ids.add(v.vehicleId()));
            airframes.bindings().forEach(b -> ids.add(b.vehicleId()));
            ListVehicleAirframesResponse.Builder b = ListVehicleAirframesResponse.newBuilder();
            ids.forEach(id -> b.addVehicles(vehicle(id)));
            return b.build();
        });
    }

    private org.skyfleet.proto.v1.VehicleAirframe vehicle(String vehicleId) {
        var v = AircraftProtoMapper.vehicle(vehicleId, airframes.binding(vehicleId).orElse(null),
                airframes.profileOf(vehicleId).orElse(null));
        endurance.of(vehicleId).ifPresent(e -> v.setFullEnduranceS(e.fullPackS())
                .setAvailableS(Double.isNaN(e.availableS()) ? 0 : e.availableS()).setEnduranceBasis(e.basis()));
        endurance.learner().of(vehicleId).ifPresent(c -> v.setCruisePercentPerMin(orZero(c.percentPerMin(FlightPhase.CRUISE)))
                .setHoverPercentPerMin(orZero(c.percentPerMin(FlightPhase.HOVER)))
                .setClimbPercentPerMin(orZero(c.percentPerMin(FlightPhase.CLIMB))).setLearnedFlights(c.flights()));
        return v.build();
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static AirframeProfileResponse response(AirframeProfile p) {
        return AirframeProfileResponse.newBuilder().setProfile(AircraftProtoMapper.proto(p)).build();
    }

    private static <T> void run(StreamObserver<T> observer, Supplier<T> work) {
        StatusMapping.answer(observer, work);
    }
}
