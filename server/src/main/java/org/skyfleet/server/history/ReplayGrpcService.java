package org.skyfleet.server.history;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.replay.Replay;
import org.skyfleet.fleet.replay.ReplayTrack;
import org.skyfleet.fleet.replay.Replays;
import org.skyfleet.fleet.store.PositionSample;
import org.skyfleet.proto.v1.GetIncidentReplayRequest;
import org.skyfleet.proto.v1.GetIncidentReplayResponse;
import org.skyfleet.proto.v1.GetMissionReplayRequest;
import org.skyfleet.proto.v1.GetMissionReplayResponse;
import org.skyfleet.proto.v1.ReplayPoint;
import org.skyfleet.proto.v1.ReplayServiceGrpc;
import org.skyfleet.proto.v1.ReplaySubject;
import org.skyfleet.server.grpc.Permissions;
import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.server.incident.IncidentProtoMapper;

/** ReplayService: who may ask, what a valid question is, and the replay from {@link Replays} in proto. */
public final class ReplayGrpcService extends ReplayServiceGrpc.ReplayServiceImplBase {
    static final int DEFAULT_MAX_POINTS = 20_000;
    static final int MAX_POINTS = 200_000;
    static final double DEFAULT_TOLERANCE_M = 2;
    /** Reviewing what happened is the command centre's: the same roles the table opens the service to. */
    private static final Role[] REVIEWERS = {Role.PILOT, Role.COMMANDER, Role.DISPATCHER};

    private final Replays replays;
    private final Function<String, Optional<Incident>> incidents;
    private final Function<String, Optional<Mission>> missions;

    /**
     * @param incidents an incident by id, open or closed
     * @param missions  a mission by id
     */
    public ReplayGrpcService(Replays replays, Function<String, Optional<Incident>> incidents,
                             Function<String, Optional<Mission>> missions) {
        this.replays = replays;
        this.incidents = incidents;
        this.missions = missions;
    }

    @Override
    public void getIncidentReplay(GetIncidentReplayRequest request, StreamObserver<GetIncidentReplayResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Permissions.require("replay an incident", REVIEWERS);
            String id = id("incident_id", request.getIncidentId());
            int max = maxPoints(request.getMaxPoints());
            double tolerance = toleranceM(request.getToleranceM());
            Incident incident = incidents.apply(id).orElseThrow(() -> new NoSuchElementException("no incident " + id));
            return GetIncidentReplayResponse.newBuilder().setReplay(toProto(replays.ofIncident(incident, max, tolerance))).build();
        });
    }

    @Override
    public void getMissionReplay(GetMissionReplayRequest request, StreamObserver<GetMissionReplayResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Permissions.require("replay a mission", REVIEWERS);
            String id = id("mission_id", request.getMissionId());
            int max = maxPoints(request.getMaxPoints());
            double tolerance = toleranceM(request.getToleranceM());
            Mission mission = missions.apply(id).orElseThrow(() -> new NoSuchElementException("no mission " + id));
            return GetMissionReplayResponse.newBuilder().setReplay(toProto(replays.ofMission(mission, max, tolerance))).build();
        });
    }

    private static String id(String field, String value) {
        if (value.isBlank()) {
            throw invalid(field + " is required");
        }
        if (value.length() > 128) {
            throw invalid(field + " '" + value.substring(0, 32) + "...' is longer than 128 characters");
        }
        return value;
    }

    private static int maxPoints(int given) {
        if (given == 0) {
            return DEFAULT_MAX_POINTS;
        }
        if (given < 0 || given > MAX_POINTS) {
            throw invalid("max_points must be 0..." + MAX_POINTS + ", got " + Integer.toUnsignedString(given));
        }
        return given;
    }

    private static double toleranceM(double given) {
        if (!(given >= 0) || Double.isInfinite(given)) {
            throw invalid("tolerance_m must be >= 0 metres, got " + given);
        }
        return given == 0 ? DEFAULT_TOLERANCE_M : given;
    }

    /** The replay as the API sends it; public for the bench, which measures the real mapping. */
    public static org.skyfleet.proto.v1.Replay toProto(Replay r) {
        org.skyfleet.proto.v1.Replay.Builder out = org.skyfleet.proto.v1.Replay.newBuilder()
                .setFrom(ProtoMapper.timestamp(r.from())).setTo(ProtoMapper.timestamp(r.to())).setOpen(r.open())
                .setPoints(r.points());
        r.timeline().forEach(e -> out.addTimeline(IncidentProtoMapper.entry(e)));
        for (ReplayTrack t : r.tracks()) {
            org.skyfleet.proto.v1.ReplayTrack.Builder track = out.addTracksBuilder().setSubjectId(t.subjectId())
                    .setSubject(t.subject() == ReplayTrack.Subject.UNIT ? ReplaySubject.REPLAY_SUBJECT_UNIT : ReplaySubject.REPLAY_SUBJECT_VEHICLE)
                    .setSamples(t.samples()).setMaxErrorM(t.maxErrorM());
            for (PositionSample p : t.points()) {
                track.addPoints(ReplayPoint.newBuilder().setTimeUnixMs(p.time().toEpochMilli()).setLatDeg(p.latDeg())
                        .setLonDeg(p.lonDeg()).setAltAmslM(p.altAmslM()));
            }
        }
        return out.build();
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
