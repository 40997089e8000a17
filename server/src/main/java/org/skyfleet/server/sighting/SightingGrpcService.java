package org.skyfleet.server.sighting;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.proto.v1.ListTracksRequest;
import org.skyfleet.proto.v1.ListTracksResponse;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.ReportSightingResponse;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.StreamTracksRequest;
import org.skyfleet.proto.v1.TrackChange;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.server.grpc.LatestByKeyStream;
import org.skyfleet.server.grpc.Permissions;

/**
 * {@code skyfleet.v1.SightingService}. A vehicle's edge computer reports for its own vehicle only, an
 * officer for themself; dispatchers relay citizens. A drone's or ground robot's sighting without an incident
 * is filed under the search the vehicle is on.
 */
public final class SightingGrpcService extends SightingServiceGrpc.SightingServiceImplBase {
    private final TrackFeed feed;
    private final IncidentBook incidents;
    private final Function<String, java.util.Optional<String>> incidentOfVehicle;
    private final InstantSource clock;

    public SightingGrpcService(TrackFeed feed, IncidentBook incidents, Function<String, java.util.Optional<String>> incidentOfVehicle,
                               InstantSource clock) {
        this.feed = feed;
        this.incidents = incidents;
        this.incidentOfVehicle = incidentOfVehicle;
        this.clock = clock;
    }

    @Override
    public void reportSighting(ReportSightingRequest r, StreamObserver<ReportSightingResponse> observer) {
        StatusMapping.answer(observer, () -> report(r));
    }

    private ReportSightingResponse report(ReportSightingRequest r) {
        Operator caller = Permissions.require("report sightings", Role.VEHICLE_EDGE, Role.OFFICER, Role.DISPATCHER,
                Role.COMMANDER, Role.AUTOMATION);
        if ((caller.role() == Role.VEHICLE_EDGE || caller.role() == Role.OFFICER) && !caller.subject().equals(r.getSourceId())) {
            throw Status.PERMISSION_DENIED.withDescription(caller + " may report sightings for source '" + caller.subject()
                    + "' only, not '" + r.getSourceId() + "'").asRuntimeException();
        }
        String incidentId = r.getIncidentId().isEmpty() ? null : r.getIncidentId();
        if (incidentId != null) {
            incidents.get(incidentId);
        } else if (r.getSource() == org.skyfleet.proto.v1.SightingSource.SIGHTING_SOURCE_DRONE
                || r.getSource() == org.skyfleet.proto.v1.SightingSource.SIGHTING_SOURCE_ROBOT) {
            // a robot is a vehicle like a drone: on an incident's mission, what its camera sees is that incident's
            incidentId = incidentOfVehicle.apply(r.getSourceId()).orElse(null);
        }
        Sighting s = SightingProtoMapper.sighting(r, clock.instant(), incidentId);
        TrackFeed.Fused fused = feed.report(s);
        if (!fused.duplicate() && incidentId != null) {
            incidents.record(incidentId, TimelineEntry.of(clock.instant(), TimelineKind.SIGHTING, r.getSourceId(),
                    String.format(Locale.ROOT, "%s sighting by %s (confidence %.2f)%s",
                            s.targetClass().name().toLowerCase(Locale.ROOT), r.getSourceId(), s.confidence(),
                            fused.trackId().isEmpty() ? "" : ", track " + fused.trackId()))
                    .withSighting(s.id()).withTrack(fused.trackId())
                    .withCode(fused.trackId().isEmpty() ? "SIGHTING" : "SIGHTING_TRACKED")
                    .withParams("target_class", s.targetClass().name(), "source", r.getSourceId(),
                            "confidence", String.format(Locale.ROOT, "%.2f", s.confidence()), "track", fused.trackId()));
        }
        return ReportSightingResponse.newBuilder().setSightingId(s.id()).setTrackId(fused.trackId())
                .setDuplicate(fused.duplicate()).build();
    }

    @Override
    public void listTracks(ListTracksRequest request, StreamObserver<ListTracksResponse> observer) {
        StatusMapping.answer(observer, () -> {
            ListTracksResponse.Builder b = ListTracksResponse.newBuilder();
            for (Track t : feed.tracks()) {
                if (wanted(t, request.getIncidentId(), !request.getIncludeTentative())) {
                    b.addTracks(SightingProtoMapper.track(t, feed::sighting));
                }
            }
            return b.build();
        });
    }

    @Override
    public void streamTracks(StreamTracksRequest request, StreamObserver<org.skyfleet.proto.v1.TrackUpdate> observer) {
        LatestByKeyStream<String, org.skyfleet.proto.v1.TrackUpdate> stream = LatestByKeyStream.of(observer);
        String incident = request.getIncidentId();
        boolean confirmedOnly = request.getConfirmedOnly();
        Consumer<TrackUpdate> listener = u -> {
            boolean dropped = u.kind() == TrackUpdate.Kind.DROPPED;
            if (dropped || wanted(u.track(), incident, confirmedOnly)) {
                stream.offer(u.track().id(), TrackUpdateProto.of(u, feed));
            }
        };
        stream.onClose(() -> feed.unsubscribe(listener));
        feed.subscribe(listener, tracks -> {
            for (Track t : tracks) {
                if (wanted(t, incident, confirmedOnly)) {
                    stream.offer(t.id(), org.skyfleet.proto.v1.TrackUpdate.newBuilder().setChange(TrackChange.TRACK_CHANGE_SNAPSHOT)
                            .setTrack(SightingProtoMapper.track(t, feed::sighting)).build());
                }
            }
        });
    }

    private static boolean wanted(Track t, String incidentId, boolean confirmedOnly) {
        if (confirmedOnly && t.state() != org.skyfleet.fleet.fusion.TrackState.CONFIRMED) {
            return false;
        }
        return incidentId.isEmpty() || t.incidentId().map(incidentId::equals).orElse(false);
    }
}
