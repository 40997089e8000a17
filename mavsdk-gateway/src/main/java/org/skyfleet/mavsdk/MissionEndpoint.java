package org.skyfleet.mavsdk;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.mavsdk.mission.MissionProto;
import io.mavsdk.mission.MissionServiceGrpc;
import io.mavsdk.mission_raw.MissionRawProto;
import java.util.ArrayList;
import java.util.List;

/**
 * MAVSDK {@code mission}: the simple mission plan (positions, speeds, loiter times), turned into MAVLink items and
 * flown exactly as {@code mission_raw} flies them (same SkyFleet mission, checks and progress). Camera and gimbal
 * actions are refused: SkyFleet missions do not drive payloads.
 */
final class MissionEndpoint extends MissionServiceGrpc.MissionServiceImplBase {
    private final MissionRawEndpoint raw;
    private volatile boolean returnToLaunchAfterMission;

    MissionEndpoint(MissionRawEndpoint raw) {
        this.raw = raw;
    }

    static MissionProto.MissionResult result(Outcome o) {
        MissionProto.MissionResult.Result r = switch (o.kind()) {
            case SUCCESS -> MissionProto.MissionResult.Result.RESULT_SUCCESS;
            case BUSY -> MissionProto.MissionResult.Result.RESULT_BUSY;
            case NO_SYSTEM -> MissionProto.MissionResult.Result.RESULT_NO_SYSTEM;
            case TIMEOUT -> MissionProto.MissionResult.Result.RESULT_TIMEOUT;
            case PARAMETER_ERROR -> MissionProto.MissionResult.Result.RESULT_INVALID_ARGUMENT;
            case UNSUPPORTED -> MissionProto.MissionResult.Result.RESULT_UNSUPPORTED;
            case DENIED, ERROR -> MissionProto.MissionResult.Result.RESULT_ERROR;
        };
        return MissionProto.MissionResult.newBuilder().setResult(r).setResultStr(o.message()).build();
    }

    private static <T> void reply(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }

    /** @throws IllegalArgumentException for what the plan asks that SkyFleet does not fly */
    static List<MissionRawProto.MissionItem> toRaw(List<MissionProto.MissionItem> items, boolean rtlAfter) {
        List<MissionRawProto.MissionItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MissionProto.MissionItem it = items.get(i);
            if (it.getCameraAction() != MissionProto.MissionItem.CameraAction.CAMERA_ACTION_NONE
                    || Float.isFinite(it.getGimbalPitchDeg()) && it.getGimbalPitchDeg() != 0) {
                throw new IllegalArgumentException("item " + i + ": camera and gimbal actions are not flown by SkyFleet missions");
            }
            float loiter = Float.isFinite(it.getLoiterTimeS()) ? it.getLoiterTimeS() : 0;
            out.add(MissionRawProto.MissionItem.newBuilder().setSeq(out.size()).setFrame(RawItems.MAV_FRAME_GLOBAL_RELATIVE_ALT_INT)
                    .setCommand(loiter > 0 ? RawItems.MAV_CMD_NAV_LOITER_TIME : RawItems.MAV_CMD_NAV_WAYPOINT)
                    .setParam1(loiter).setAutocontinue(1)
                    .setX((int) Math.round(it.getLatitudeDeg() * 1e7)).setY((int) Math.round(it.getLongitudeDeg() * 1e7))
                    .setZ(it.getRelativeAltitudeM()).build());
            if (Float.isFinite(it.getSpeedMS()) && it.getSpeedMS() > 0) {
                out.add(MissionRawProto.MissionItem.newBuilder().setSeq(out.size()).setFrame(RawItems.MAV_FRAME_MISSION)
                        .setCommand(RawItems.MAV_CMD_DO_CHANGE_SPEED).setParam1(1).setParam2(it.getSpeedMS()).setParam3(-1)
                        .setAutocontinue(1).build());
            }
            if (!Double.isFinite(it.getLatitudeDeg()) || !Double.isFinite(it.getLongitudeDeg())
                    || !Float.isFinite(it.getRelativeAltitudeM())) {
                throw new IllegalArgumentException("item " + i + ": latitude, longitude and relative altitude must be numbers");
            }
        }
        if (rtlAfter) {
            out.add(MissionRawProto.MissionItem.newBuilder().setSeq(out.size()).setFrame(RawItems.MAV_FRAME_MISSION)
                    .setCommand(RawItems.MAV_CMD_NAV_RETURN_TO_LAUNCH).setAutocontinue(1).build());
        }
        return out;
    }

    @Override
    public void uploadMission(MissionProto.UploadMissionRequest request, StreamObserver<MissionProto.UploadMissionResponse> out) {
        Outcome o;
        try {
            o = raw.upload(toRaw(request.getMissionPlan().getMissionItemsList(), returnToLaunchAfterMission));
        } catch (IllegalArgumentException e) {
            o = new Outcome(Outcome.Kind.PARAMETER_ERROR, e.getMessage());
        }
        reply(out, MissionProto.UploadMissionResponse.newBuilder().setMissionResult(result(o)).build());
    }

    /** Position items back as the plan's; a mission with items the plan cannot express is UNSUPPORTED, as in MAVSDK. */
    @Override
    public void downloadMission(MissionProto.DownloadMissionRequest request, StreamObserver<MissionProto.DownloadMissionResponse> out) {
        MissionRawProto.DownloadMissionResponse d = raw.download();
        MissionProto.DownloadMissionResponse.Builder b = MissionProto.DownloadMissionResponse.newBuilder();
        if (d.getMissionRawResult().getResult() != MissionRawProto.MissionRawResult.Result.RESULT_SUCCESS) {
            b.setMissionResult(MissionProto.MissionResult.newBuilder().setResultStr(d.getMissionRawResult().getResultStr())
                    .setResultValue(d.getMissionRawResult().getResult() == MissionRawProto.MissionRawResult.Result.RESULT_NO_MISSION_AVAILABLE
                            ? MissionProto.MissionResult.Result.RESULT_NO_MISSION_AVAILABLE_VALUE : MissionProto.MissionResult.Result.RESULT_ERROR_VALUE));
            reply(out, b.build());
            return;
        }
        MissionProto.MissionPlan.Builder plan = MissionProto.MissionPlan.newBuilder();
        float speed = Float.NaN;
        for (MissionRawProto.MissionItem it : d.getMissionItemsList()) {
            switch (it.getCommand()) {
                case RawItems.MAV_CMD_DO_CHANGE_SPEED -> speed = it.getParam2();
                case RawItems.MAV_CMD_NAV_WAYPOINT, RawItems.MAV_CMD_NAV_TAKEOFF, RawItems.MAV_CMD_NAV_LOITER_TIME -> plan.addMissionItems(
                        MissionProto.MissionItem.newBuilder().setLatitudeDeg(it.getX() / 1e7).setLongitudeDeg(it.getY() / 1e7)
                                .setRelativeAltitudeM(it.getZ()).setSpeedMS(speed).setIsFlyThrough(it.getParam1() == 0)
                                .setLoiterTimeS(it.getCommand() == RawItems.MAV_CMD_NAV_LOITER_TIME ? it.getParam1() : Float.NaN)
                                .setGimbalPitchDeg(Float.NaN).setGimbalYawDeg(Float.NaN).setAcceptanceRadiusM(Float.NaN)
                                .setYawDeg(Float.NaN).setCameraPhotoIntervalS(1).setCameraPhotoDistanceM(Float.NaN));
                case RawItems.MAV_CMD_NAV_RETURN_TO_LAUNCH, RawItems.MAV_CMD_NAV_LAND -> {
                    // MAVSDK's plan has no item for these: it reads them as "return to launch after the mission"
                }
                default -> {
                    reply(out, b.setMissionResult(result(new Outcome(Outcome.Kind.UNSUPPORTED,
                            "MAV_CMD " + it.getCommand() + " has no mission-plan form; use mission_raw"))).build());
                    return;
                }
            }
        }
        reply(out, b.setMissionPlan(plan).setMissionResult(result(Outcome.success())).build());
    }

    @Override
    public void startMission(MissionProto.StartMissionRequest request, StreamObserver<MissionProto.StartMissionResponse> out) {
        reply(out, MissionProto.StartMissionResponse.newBuilder().setMissionResult(result(raw.start())).build());
    }

    @Override
    public void pauseMission(MissionProto.PauseMissionRequest request, StreamObserver<MissionProto.PauseMissionResponse> out) {
        reply(out, MissionProto.PauseMissionResponse.newBuilder().setMissionResult(result(raw.pause())).build());
    }

    @Override
    public void clearMission(MissionProto.ClearMissionRequest request, StreamObserver<MissionProto.ClearMissionResponse> out) {
        reply(out, MissionProto.ClearMissionResponse.newBuilder().setMissionResult(result(raw.clear())).build());
    }

    @Override
    public void isMissionFinished(MissionProto.IsMissionFinishedRequest request, StreamObserver<MissionProto.IsMissionFinishedResponse> out) {
        MissionProto.IsMissionFinishedResponse.Builder b = MissionProto.IsMissionFinishedResponse.newBuilder();
        try {
            b.setIsFinished(raw.finished()).setMissionResult(result(Outcome.success()));
        } catch (StatusRuntimeException e) {
            b.setMissionResult(result(Outcome.of(e)));
        }
        reply(out, b.build());
    }

    @Override
    public void subscribeMissionProgress(MissionProto.SubscribeMissionProgressRequest request,
                                         StreamObserver<MissionProto.MissionProgressResponse> out) {
        raw.forwardProgress(out, p -> MissionProto.MissionProgressResponse.newBuilder().setMissionProgress(
                MissionProto.MissionProgress.newBuilder().setCurrent(p.getCurrent()).setTotal(p.getTotal())).build());
    }

    @Override
    public void getReturnToLaunchAfterMission(MissionProto.GetReturnToLaunchAfterMissionRequest request,
                                              StreamObserver<MissionProto.GetReturnToLaunchAfterMissionResponse> out) {
        reply(out, MissionProto.GetReturnToLaunchAfterMissionResponse.newBuilder().setEnable(returnToLaunchAfterMission)
                .setMissionResult(result(Outcome.success())).build());
    }

    /** Applies to the next upload: a return-to-launch item is appended, as mavsdk_server does. */
    @Override
    public void setReturnToLaunchAfterMission(MissionProto.SetReturnToLaunchAfterMissionRequest request,
                                              StreamObserver<MissionProto.SetReturnToLaunchAfterMissionResponse> out) {
        returnToLaunchAfterMission = request.getEnable();
        reply(out, MissionProto.SetReturnToLaunchAfterMissionResponse.newBuilder().setMissionResult(result(Outcome.success())).build());
    }
}
