package org.skyfleet.server.aircraft;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.Airframes;
import java.util.List;
import org.skyfleet.fleet.battery.BatteryPack;
import org.skyfleet.fleet.flightlog.FlightCsv;
import org.skyfleet.fleet.flightlog.FlightGeoJson;
import org.skyfleet.fleet.flightlog.FlightLog;
import org.skyfleet.fleet.flightlog.FlightRecord;
import org.skyfleet.fleet.flightlog.FlightTotals;
import org.skyfleet.proto.v1.ExportFlightGeoJsonRequest;
import org.skyfleet.proto.v1.ExportFlightGeoJsonResponse;
import org.skyfleet.proto.v1.ExportFlightsCsvRequest;
import org.skyfleet.proto.v1.ExportFlightsCsvResponse;
import org.skyfleet.proto.v1.GetFlightTotalsRequest;
import org.skyfleet.proto.v1.GetFlightTotalsResponse;
import org.skyfleet.proto.v1.ListFlightsRequest;
import org.skyfleet.proto.v1.ListFlightsResponse;
import org.skyfleet.proto.v1.RecordMaintenanceRequest;
import org.skyfleet.proto.v1.RecordMaintenanceResponse;
import org.skyfleet.fleet.battery.BatteryPacks;
import org.skyfleet.proto.v1.BatteryPackResponse;
import org.skyfleet.proto.v1.ClearBatteryPackRequest;
import org.skyfleet.proto.v1.InstallBatteryPackRequest;
import org.skyfleet.proto.v1.ListBatteryPacksRequest;
import org.skyfleet.proto.v1.ListBatteryPacksResponse;
import org.skyfleet.proto.v1.RecordBatteryChargeRequest;
import org.skyfleet.proto.v1.RegisterBatteryPackRequest;
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
    private final BatteryPacks batteries;
    private final FlightLog flights;
    private final java.time.InstantSource clock;

    public AircraftGrpcService(Airframes airframes, VehicleRegistry registry, VehicleEndurance endurance, BatteryPacks batteries,
                               FlightLog flights, java.time.InstantSource clock) {
        this.airframes = airframes;
        this.registry = registry;
        this.endurance = endurance;
        this.batteries = batteries;
        this.flights = flights;
        this.clock = clock;
    }

    @Override
    public void listFlights(ListFlightsRequest request, StreamObserver<ListFlightsResponse> observer) {
        run(observer, () -> {
            ListFlightsResponse.Builder b = ListFlightsResponse.newBuilder();
            flights.list(request.getVehicleId(), from(request.hasFrom(), request.getFrom()), to(request.hasTo(), request.getTo()),
                    request.getLimit() == 0 ? 1000 : (int) Math.min(Integer.MAX_VALUE, request.getLimit() & 0xFFFFFFFFL))
                    .forEach(f -> b.addFlights(FlightProtoMapper.flight(f)));
            return b.build();
        });
    }

    @Override
    public void exportFlightsCsv(ExportFlightsCsvRequest request, StreamObserver<ExportFlightsCsvResponse> observer) {
        run(observer, () -> ExportFlightsCsvResponse.newBuilder().setCsv(FlightCsv.of(flights.list(request.getVehicleId(),
                from(request.hasFrom(), request.getFrom()), to(request.hasTo(), request.getTo()), FlightLog.MAX_LIST))).build());
    }

    @Override
    public void exportFlightGeoJson(ExportFlightGeoJsonRequest request, StreamObserver<ExportFlightGeoJsonResponse> observer) {
        run(observer, () -> ExportFlightGeoJsonResponse.newBuilder().setGeojson(FlightGeoJson.of(flights.get(request.getFlightId())))
                .build());
    }

    @Override
    public void getFlightTotals(GetFlightTotalsRequest request, StreamObserver<GetFlightTotalsResponse> observer) {
        run(observer, () -> {
            List<FlightRecord> all = flights.list(null, from(request.hasFrom(), request.getFrom()), to(request.hasTo(), request.getTo()),
                    FlightLog.MAX_LIST);
            GetFlightTotalsResponse.Builder b = GetFlightTotalsResponse.newBuilder();
            FlightTotals.byAirframe(all).forEach(t -> b.addByAirframe(FlightProtoMapper.total(t)));
            FlightTotals.byPilot(all).forEach(t -> b.addByPilot(FlightProtoMapper.total(t)));
            return b.build();
        });
    }

    @Override
    public void recordMaintenance(RecordMaintenanceRequest request, StreamObserver<RecordMaintenanceResponse> observer) {
        run(observer, () -> {
            flights.recordMaintenance(request.getVehicleId(), request.getNote(), CallerInterceptor.require());
            return RecordMaintenanceResponse.getDefaultInstance();
        });
    }

    private static java.time.Instant from(boolean given, com.google.protobuf.Timestamp t) {
        return given ? FlightProtoMapper.instant(t, "from") : java.time.Instant.EPOCH;
    }

    private java.time.Instant to(boolean given, com.google.protobuf.Timestamp t) {
        return given ? FlightProtoMapper.instant(t, "to") : clock.instant().plusSeconds(1);
    }

    @Override
    public void registerBatteryPack(RegisterBatteryPackRequest request, StreamObserver<BatteryPackResponse> observer) {
        run(observer, () -> {
            BatteryPack p = BatteryProtoMapper.pack(request.getPack()).validated();
            synchronized (batteries) {
                if (batteries.find(p.packId()).isPresent()) {
                    throw Status.ALREADY_EXISTS.withDescription("battery pack '" + p.packId() + "' already exists").asRuntimeException();
                }
                return pack(batteries.register(p, CallerInterceptor.require()));
            }
        });
    }

    @Override
    public void installBatteryPack(InstallBatteryPackRequest request, StreamObserver<BatteryPackResponse> observer) {
        run(observer, () -> pack(batteries.install(request.getPackId(), request.getVehicleId(), CallerInterceptor.require())));
    }

    @Override
    public void recordBatteryCharge(RecordBatteryChargeRequest request, StreamObserver<BatteryPackResponse> observer) {
        run(observer, () -> pack(batteries.recordCharge(request.getPackId(), CallerInterceptor.require())));
    }

    @Override
    public void clearBatteryPack(ClearBatteryPackRequest request, StreamObserver<BatteryPackResponse> observer) {
        run(observer, () -> pack(batteries.clear(request.getPackId(), CallerInterceptor.require())));
    }

    @Override
    public void listBatteryPacks(ListBatteryPacksRequest request, StreamObserver<ListBatteryPacksResponse> observer) {
        run(observer, () -> {
            ListBatteryPacksResponse.Builder b = ListBatteryPacksResponse.newBuilder();
            batteries.list().forEach(p -> b.addPacks(BatteryProtoMapper.proto(p, batteries)));
            return b.build();
        });
    }

    private BatteryPackResponse pack(BatteryPack p) {
        return BatteryPackResponse.newBuilder().setPack(BatteryProtoMapper.proto(p, batteries)).build();
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
        batteries.packIn(vehicleId).ifPresent(p -> v.setBatteryPackId(p.packId()));
        v.setGroundedReason(batteries.refusal(vehicleId).orElse(""));
        FlightLog.MaintenanceStatus m = flights.maintenance(vehicleId);
        v.setHoursSinceMaintenance(m.hoursSince()).setFlightsSinceMaintenance(m.flightsSince()).setMaintenanceDue(m.due());
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
