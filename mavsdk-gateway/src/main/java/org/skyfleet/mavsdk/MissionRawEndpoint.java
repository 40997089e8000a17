package org.skyfleet.mavsdk;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.mavsdk.mission_raw.MissionRawProto;
import io.mavsdk.mission_raw.MissionRawServiceGrpc;
import org.skyfleet.proto.v1.AbortMissionRequest;
import org.skyfleet.proto.v1.ApproveMissionRequest;
import org.skyfleet.proto.v1.CreateMissionRequest;
import org.skyfleet.proto.v1.GetMissionRequest;
import org.skyfleet.proto.v1.Mission;
import org.skyfleet.proto.v1.MissionProgress;
import org.skyfleet.proto.v1.MissionResponse;
import org.skyfleet.proto.v1.MissionState;
import org.skyfleet.proto.v1.PauseMissionRequest;
import org.skyfleet.proto.v1.ResumeMissionRequest;
import org.skyfleet.proto.v1.StartMissionRequest;
import org.skyfleet.proto.v1.UploadMissionRequest;
import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.VehicleState;

/**
 * MAVSDK {@code mission_raw}, governed: an upload becomes a SkyFleet mission (created, approved by the caller,
 * uploaded with read-back: SkyFleet's airspace checks and audit apply), start and pause are SkyFleet's, clear aborts
 * a flying mission, download reads the items SkyFleet uploaded, progress follows SkyFleet's progress stream.
 */
final class MissionRawEndpoint extends MissionRawServiceGrpc.MissionRawServiceImplBase {
    private static final double DEFAULT_CRUISE_SPEED_M_S = 5;
    private static final int UPLOAD_DEADLINE_S = 120;

    private final Governor governor;
    private final VehicleStateFeed feed;
    private final MissionTracker tracker;
    private final SkyfleetConnection skyfleet;

    MissionRawEndpoint(Governor governor, VehicleStateFeed feed, MissionTracker tracker, SkyfleetConnection skyfleet) {
        this.governor = governor;
        this.feed = feed;
        this.tracker = tracker;
        this.skyfleet = skyfleet;
    }

    static MissionRawProto.MissionRawResult result(Outcome o) {
        MissionRawProto.MissionRawResult.Result r = switch (o.kind()) {
            case SUCCESS -> MissionRawProto.MissionRawResult.Result.RESULT_SUCCESS;
            case BUSY -> MissionRawProto.MissionRawResult.Result.RESULT_BUSY;
            case NO_SYSTEM -> MissionRawProto.MissionRawResult.Result.RESULT_NO_SYSTEM;
            case TIMEOUT -> MissionRawProto.MissionRawResult.Result.RESULT_TIMEOUT;
            case PARAMETER_ERROR -> MissionRawProto.MissionRawResult.Result.RESULT_INVALID_ARGUMENT;
            case UNSUPPORTED -> MissionRawProto.MissionRawResult.Result.RESULT_UNSUPPORTED;
            // mission_raw has no "denied": a refusal is an error with SkyFleet's reason
            case DENIED, ERROR -> MissionRawProto.MissionRawResult.Result.RESULT_ERROR;
        };
        return MissionRawProto.MissionRawResult.newBuilder().setResult(r).setResultStr(o.message()).build();
    }

    private static <T> void reply(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }

    @Override
    public void uploadMission(MissionRawProto.UploadMissionRequest request, StreamObserver<MissionRawProto.UploadMissionResponse> out) {
        reply(out, MissionRawProto.UploadMissionResponse.newBuilder().setMissionRawResult(result(upload(request.getMissionItemsList()))).build());
    }

    /** Shared with the mission plugin, whose items become raw ones first. */
    Outcome upload(java.util.List<MissionRawProto.MissionItem> items) {
        VehicleState s = feed.latest();
        if (s == null || !s.hasHome()) {
            return new Outcome(Outcome.Kind.NO_SYSTEM, "no home position known for " + governor.vehicleId() + " yet");
        }
        RawItems.Route route;
        try {
            route = RawItems.toRoute(items, s.getHome().getAltAmslM(), DEFAULT_CRUISE_SPEED_M_S);
        } catch (IllegalArgumentException e) {
            return new Outcome(Outcome.Kind.PARAMETER_ERROR, e.getMessage());
        }
        String token = CallerToken.current();
        var created = governor.call(() -> skyfleet.missions(token, 30).createMission(CreateMissionRequest.newBuilder()
                .setVehicleId(governor.vehicleId()).setCruiseSpeedMS(route.cruiseSpeedMS())
                .setRoute(VehicleRoute.newBuilder().setVehicleId(governor.vehicleId()).addAllWaypoints(route.waypoints())).build()));
        if (!created.outcome().ok()) {
            return created.outcome();
        }
        String id = created.value().getMission().getMissionId();
        var uploaded = governor.call(() -> {
            skyfleet.missions(token, 30).approveMission(ApproveMissionRequest.newBuilder().setMissionId(id)
                    .setReason("uploaded by a MAVSDK client").build());
            return skyfleet.missions(token, UPLOAD_DEADLINE_S).uploadMission(UploadMissionRequest.newBuilder().setMissionId(id).build());
        });
        if (!uploaded.outcome().ok()) {
            return uploaded.outcome();
        }
        if (uploaded.value().getMission().getState() != MissionState.MISSION_STATE_UPLOADED) {
            return new Outcome(Outcome.Kind.ERROR, "upload ended " + uploaded.value().getMission().getState());
        }
        tracker.uploaded(id, token);
        return Outcome.success();
    }

    @Override
    public void downloadMission(MissionRawProto.DownloadMissionRequest request, StreamObserver<MissionRawProto.DownloadMissionResponse> out) {
        reply(out, download());
    }

    /** The items SkyFleet uploaded to the vehicle for the current mission. */
    MissionRawProto.DownloadMissionResponse download() {
        String id = tracker.current();
        MissionRawProto.DownloadMissionResponse.Builder b = MissionRawProto.DownloadMissionResponse.newBuilder();
        if (id == null) {
            b.setMissionRawResult(result(new Outcome(Outcome.Kind.ERROR, "no mission uploaded through this endpoint")).toBuilder()
                    .setResult(MissionRawProto.MissionRawResult.Result.RESULT_NO_MISSION_AVAILABLE));
        } else {
            try {
                Mission m = skyfleet.missions(CallerToken.current(), 30).getMission(GetMissionRequest.newBuilder().setMissionId(id).build())
                        .getMission();
                m.getItemsList().forEach(it -> b.addMissionItems(RawItems.toMavsdk(it, m.getCurrentSeq())));
                b.setMissionRawResult(result(Outcome.success()));
            } catch (io.grpc.StatusRuntimeException e) {
                b.setMissionRawResult(result(Outcome.of(e)));
            }
        }
        return b.build();
    }

    /** The vehicle's own answer to a mission command, as SkyFleet reports it. */
    private Outcome missionCommand(java.util.function.Function<String, MissionResponse> rpc) {
        String id = tracker.current();
        if (id == null) {
            return new Outcome(Outcome.Kind.ERROR, "no mission uploaded through this endpoint");
        }
        var r = governor.call(() -> rpc.apply(id));
        if (!r.outcome().ok()) {
            return r.outcome();
        }
        return Outcome.of(r.value().getCommandResult(), r.value().getMission().getState().name());
    }

    /** MAVSDK starts a paused mission again with start: SkyFleet's resume. */
    Outcome start() {
        String token = CallerToken.current();
        return missionCommand(id -> {
            var missions = skyfleet.missions(token, 30);
            MissionState state = missions.getMission(GetMissionRequest.newBuilder().setMissionId(id).build()).getMission().getState();
            return state == MissionState.MISSION_STATE_PAUSED
                    ? missions.resumeMission(ResumeMissionRequest.newBuilder().setMissionId(id).build())
                    : missions.startMission(StartMissionRequest.newBuilder().setMissionId(id).build());
        });
    }

    Outcome pause() {
        String token = CallerToken.current();
        return missionCommand(id -> skyfleet.missions(token, 30).pauseMission(PauseMissionRequest.newBuilder().setMissionId(id).build()));
    }

    /** Whether SkyFleet reports the current mission completed. */
    boolean finished() {
        String id = tracker.current();
        if (id == null) {
            return false;
        }
        return skyfleet.missions(CallerToken.current(), 30).getMission(GetMissionRequest.newBuilder().setMissionId(id).build())
                .getMission().getState() == MissionState.MISSION_STATE_COMPLETED;
    }

    @Override
    public void startMission(MissionRawProto.StartMissionRequest request, StreamObserver<MissionRawProto.StartMissionResponse> out) {
        reply(out, MissionRawProto.StartMissionResponse.newBuilder().setMissionRawResult(result(start())).build());
    }

    @Override
    public void pauseMission(MissionRawProto.PauseMissionRequest request, StreamObserver<MissionRawProto.PauseMissionResponse> out) {
        reply(out, MissionRawProto.PauseMissionResponse.newBuilder().setMissionRawResult(result(pause())).build());
    }

    @Override
    public void clearMission(MissionRawProto.ClearMissionRequest request, StreamObserver<MissionRawProto.ClearMissionResponse> out) {
        reply(out, MissionRawProto.ClearMissionResponse.newBuilder().setMissionRawResult(result(clear())).build());
    }

    /** Ends a mission that is still in progress (SkyFleet's abort: the vehicle returns) and forgets it. */
    Outcome clear() {
        String id = tracker.current();
        Outcome o = Outcome.success();
        if (id != null) {
            String token = CallerToken.current();
            var r = governor.call(() -> {
                Mission m = skyfleet.missions(token, 30).getMission(GetMissionRequest.newBuilder().setMissionId(id).build()).getMission();
                boolean over = m.getState() == MissionState.MISSION_STATE_COMPLETED || m.getState() == MissionState.MISSION_STATE_ABORTED
                        || m.getState() == MissionState.MISSION_STATE_FAILED;
                return over ? null : skyfleet.missions(token, 30).abortMission(AbortMissionRequest.newBuilder().setMissionId(id)
                        .setReason("cleared by a MAVSDK client").build());
            });
            o = r.outcome();
            if (o.ok()) {
                tracker.cleared();
            }
        }
        return o;
    }

    /** current = items done, total = items; equal when SkyFleet reports the mission completed. */
    static MissionRawProto.MissionProgress progress(MissionProgress p) {
        int total = (int) p.getItemsTotal();
        int current = p.getState() == MissionState.MISSION_STATE_COMPLETED ? total : (int) Math.min(p.getItemsDone(), total);
        return MissionRawProto.MissionProgress.newBuilder().setCurrent(current).setTotal(total).build();
    }

    @Override
    public void subscribeMissionProgress(MissionRawProto.SubscribeMissionProgressRequest request,
                                         StreamObserver<MissionRawProto.MissionProgressResponse> out) {
        forwardProgress(out, p -> MissionRawProto.MissionProgressResponse.newBuilder().setMissionProgress(p).build());
    }

    /** Progress changes to a MAVSDK stream; a client not ready for one misses it and gets the next. */
    <R> void forwardProgress(StreamObserver<R> out, java.util.function.Function<MissionRawProto.MissionProgress, R> response) {
        ServerCallStreamObserver<R> call = (ServerCallStreamObserver<R>) out;
        Object lock = new Object();
        MissionRawProto.MissionProgress[] last = {null};
        Runnable stop = tracker.listen(p -> {
            MissionRawProto.MissionProgress value = progress(p);
            synchronized (lock) {
                if (value.equals(last[0]) || call.isCancelled() || !call.isReady()) {
                    return;
                }
                last[0] = value;
                call.onNext(response.apply(value));
            }
        });
        call.setOnCancelHandler(stop::run);
    }
}
