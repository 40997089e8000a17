package org.skyfleet.server.geofence;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.geofence.RouteBreach;
import org.skyfleet.fleet.geofence.RouteCheck;
import org.skyfleet.fleet.geofence.RouteWaypoint;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.proto.v1.CheckRouteRequest;
import org.skyfleet.proto.v1.CheckRouteResponse;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.DeleteZoneRequest;
import org.skyfleet.proto.v1.DeleteZoneResponse;
import org.skyfleet.proto.v1.ExportGeoJsonRequest;
import org.skyfleet.proto.v1.ExportGeoJsonResponse;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.GetZoneRequest;
import org.skyfleet.proto.v1.ImportGeoJsonRequest;
import org.skyfleet.proto.v1.ImportGeoJsonResponse;
import org.skyfleet.proto.v1.ListZonesRequest;
import org.skyfleet.proto.v1.ListZonesResponse;
import org.skyfleet.proto.v1.RouteCheckWaypoint;
import org.skyfleet.proto.v1.UpdateZoneRequest;
import org.skyfleet.proto.v1.ZoneResponse;
import org.skyfleet.server.grpc.StatusMapping;

/**
 * {@code skyfleet.v1.GeofenceService} over the live {@link Geofences}: every change is validated by the
 * domain's named rules (INVALID_ARGUMENT listing each) and in force for live checks at once. All calls
 * are short and run on the gRPC thread; creates and updates are serialised so an id is taken once.
 */
public final class GeofenceGrpcService extends GeofenceServiceGrpc.GeofenceServiceImplBase {
    static final int MAX_IMPORT_CHARS = 8 * 1024 * 1024;

    private final Geofences geofences;
    private final RouteCheck routes;
    private final InstantSource clock;
    private final java.util.function.Function<String, java.util.Optional<String>> deletionBlocker;

    public GeofenceGrpcService(Geofences geofences, InstantSource clock) {
        this(geofences, clock, zoneId -> java.util.Optional.empty());
    }

    /** @param deletionBlocker why a zone may not be deleted now (an active mission relies on it), or empty */
    public GeofenceGrpcService(Geofences geofences, InstantSource clock,
                               java.util.function.Function<String, java.util.Optional<String>> deletionBlocker) {
        this.geofences = geofences;
        this.routes = new RouteCheck(geofences::index);
        this.clock = clock;
        this.deletionBlocker = deletionBlocker;
    }

    @Override
    public void createZone(CreateZoneRequest request, StreamObserver<ZoneResponse> observer) {
        run(observer, () -> {
            Zone zone = GeofenceProtoMapper.zone(request.getZone());
            synchronized (this) {
                if (geofences.get(zone.id()).isPresent()) {
                    throw Status.ALREADY_EXISTS.withDescription("zone '" + zone.id()
                            + "' already exists: update it, or choose another id").asRuntimeException();
                }
                return response(geofences.save(zone));
            }
        });
    }

    @Override
    public void updateZone(UpdateZoneRequest request, StreamObserver<ZoneResponse> observer) {
        run(observer, () -> {
            Zone zone = GeofenceProtoMapper.zone(request.getZone());
            synchronized (this) {
                requireExists(zone.id());
                return response(geofences.save(zone));
            }
        });
    }

    @Override
    public void deleteZone(DeleteZoneRequest request, StreamObserver<DeleteZoneResponse> observer) {
        run(observer, () -> {
            deletionBlocker.apply(request.getZoneId()).ifPresent(why -> {
                throw new IllegalStateException(why);
            });
            if (!geofences.delete(request.getZoneId())) {
                throw notFound(request.getZoneId());
            }
            return DeleteZoneResponse.getDefaultInstance();
        });
    }

    @Override
    public void getZone(GetZoneRequest request, StreamObserver<ZoneResponse> observer) {
        run(observer, () -> response(requireExists(request.getZoneId())));
    }

    @Override
    public void listZones(ListZonesRequest request, StreamObserver<ListZonesResponse> observer) {
        run(observer, () -> {
            Instant at = request.hasActiveAt() ? GeofenceProtoMapper.instant(request.getActiveAt()) : null;
            ListZonesResponse.Builder b = ListZonesResponse.newBuilder();
            geofences.all().stream().filter(z -> at == null || z.isActiveAt(at))
                    .forEach(z -> b.addZones(GeofenceProtoMapper.proto(z)));
            return b.build();
        });
    }

    @Override
    public void checkRoute(CheckRouteRequest request, StreamObserver<CheckRouteResponse> observer) {
        run(observer, () -> {
            List<RouteWaypoint> waypoints = new ArrayList<>(request.getWaypointsCount());
            for (int i = 0; i < request.getWaypointsCount(); i++) {
                RouteCheckWaypoint w = request.getWaypoints(i);
                if (!(Math.abs(w.getLatDeg()) <= 90) || !(Math.abs(w.getLonDeg()) <= 180) || !Double.isFinite(w.getAltRelM())) {
                    throw GeofenceProtoMapper.invalid("waypoint " + i + ": lat " + w.getLatDeg() + ", lon " + w.getLonDeg()
                            + ", alt " + w.getAltRelM() + " m is not a position (latitude -90..90, longitude -180..180)");
                }
                waypoints.add(new RouteWaypoint(w.getLatDeg(), w.getLonDeg(), w.getAltRelM()));
            }
            Instant at = request.hasAt() ? GeofenceProtoMapper.instant(request.getAt()) : clock.instant();
            List<RouteBreach> breaches = routes.checkRoute(request.getVehicleId().isEmpty() ? null : request.getVehicleId(),
                    GeofenceProtoMapper.vehicleKind(request.getVehicleType()), waypoints,
                    request.hasHomeAltAmslM() ? request.getHomeAltAmslM() : Double.NaN, at);
            CheckRouteResponse.Builder b = CheckRouteResponse.newBuilder().setClear(breaches.isEmpty());
            breaches.forEach(r -> b.addBreaches(GeofenceProtoMapper.routeBreach(r)));
            return b.build();
        });
    }

    @Override
    public void importGeoJson(ImportGeoJsonRequest request, StreamObserver<ImportGeoJsonResponse> observer) {
        run(observer, () -> {
            if (request.getGeojson().length() > MAX_IMPORT_CHARS) {
                throw Status.RESOURCE_EXHAUSTED.withDescription("GeoJSON of " + request.getGeojson().length()
                        + " characters is over the " + MAX_IMPORT_CHARS + " limit: import it in parts").asRuntimeException();
            }
            List<Zone> zones;
            try {
                zones = GeofenceGeoJson.parse(request.getGeojson());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GeoJSON import: " + e.getMessage(), e);
            }
            geofences.saveAll(zones);
            return ImportGeoJsonResponse.newBuilder().addAllZoneIds(zones.stream().map(Zone::id).toList()).build();
        });
    }

    @Override
    public void exportGeoJson(ExportGeoJsonRequest request, StreamObserver<ExportGeoJsonResponse> observer) {
        run(observer, () -> ExportGeoJsonResponse.newBuilder().setGeojson(GeofenceGeoJson.export(geofences.all())).build());
    }

    private Zone requireExists(String zoneId) {
        return geofences.get(zoneId).orElseThrow(() -> notFound(zoneId));
    }

    private static StatusRuntimeException notFound(String zoneId) {
        return Status.NOT_FOUND.withDescription("no zone '" + zoneId + "': ListZones shows the ids").asRuntimeException();
    }

    private static ZoneResponse response(Zone z) {
        return ZoneResponse.newBuilder().setZone(GeofenceProtoMapper.proto(z)).build();
    }

    private static <T> void run(StreamObserver<T> observer, Supplier<T> work) {
        StatusMapping.answer(observer, work);
    }
}
