package org.skyfleet.server.camera;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.skyfleet.fleet.camera.CameraAction;
import org.skyfleet.fleet.camera.CameraCommand;
import org.skyfleet.fleet.camera.CameraReports;
import org.skyfleet.fleet.camera.CameraStatus;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.proto.v1.CameraCommandOutcome;
import org.skyfleet.proto.v1.CameraServiceGrpc;
import org.skyfleet.proto.v1.CameraState;
import org.skyfleet.proto.v1.GetCameraStateRequest;
import org.skyfleet.proto.v1.GetCameraStateResponse;
import org.skyfleet.proto.v1.PointGimbalRequest;
import org.skyfleet.proto.v1.PointGimbalResponse;
import org.skyfleet.proto.v1.SetZoomRequest;
import org.skyfleet.proto.v1.SetZoomResponse;
import org.skyfleet.proto.v1.StartRecordingRequest;
import org.skyfleet.proto.v1.StartRecordingResponse;
import org.skyfleet.proto.v1.StopRecordingRequest;
import org.skyfleet.proto.v1.StopRecordingResponse;
import org.skyfleet.proto.v1.TakePhotoRequest;
import org.skyfleet.proto.v1.TakePhotoResponse;
import org.skyfleet.server.control.ControlProtoMapper;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;

/** {@code skyfleet.v1.CameraService}: requests to {@link CameraControl}, reports from {@link CameraReports}. */
public final class CameraGrpcService extends CameraServiceGrpc.CameraServiceImplBase {
    private final CameraControl control;
    private final CameraReports reports;

    public CameraGrpcService(CameraControl control, CameraReports reports) {
        this.control = control;
        this.reports = reports;
    }

    @Override
    public void pointGimbal(PointGimbalRequest r, StreamObserver<PointGimbalResponse> observer) {
        answer(observer, r.getVehicleId(), () -> CameraCommand.pointGimbal(r.getPitchDeg(), r.getYawDeg()),
                o -> PointGimbalResponse.newBuilder().setOutcome(o).build());
    }

    @Override
    public void setZoom(SetZoomRequest r, StreamObserver<SetZoomResponse> observer) {
        answer(observer, r.getVehicleId(), () -> CameraCommand.zoom(r.getZoomPercent()),
                o -> SetZoomResponse.newBuilder().setOutcome(o).build());
    }

    @Override
    public void takePhoto(TakePhotoRequest r, StreamObserver<TakePhotoResponse> observer) {
        answer(observer, r.getVehicleId(), () -> CameraCommand.of(CameraAction.TAKE_PHOTO),
                o -> TakePhotoResponse.newBuilder().setOutcome(o).build());
    }

    @Override
    public void startRecording(StartRecordingRequest r, StreamObserver<StartRecordingResponse> observer) {
        answer(observer, r.getVehicleId(), () -> CameraCommand.of(CameraAction.START_RECORDING),
                o -> StartRecordingResponse.newBuilder().setOutcome(o).build());
    }

    @Override
    public void stopRecording(StopRecordingRequest r, StreamObserver<StopRecordingResponse> observer) {
        answer(observer, r.getVehicleId(), () -> CameraCommand.of(CameraAction.STOP_RECORDING),
                o -> StopRecordingResponse.newBuilder().setOutcome(o).build());
    }

    @Override
    public void getCameraState(GetCameraStateRequest r, StreamObserver<GetCameraStateResponse> observer) {
        StatusMapping.answer(observer, () -> GetCameraStateResponse.newBuilder().setState(toProto(reports.latest(r.getVehicleId())
                .orElseThrow(() -> new NoSuchElementException("vehicle " + r.getVehicleId() + " reported nothing of a camera yet"))))
                .build());
    }

    private <T> void answer(StreamObserver<T> observer, String vehicleId, java.util.function.Supplier<CameraCommand> command,
                            Function<CameraCommandOutcome, T> response) {
        StatusMapping.answerLater(observer, () -> {
            CameraCommand c = command.get(); // a value out of range throws here: INVALID_ARGUMENT
            CompletionStage<CommandOutcome> sent = control.send(CallerInterceptor.require(), vehicleId, c);
            return sent.thenApply(o -> response.apply(CameraCommandOutcome.newBuilder()
                    .setResult(ControlProtoMapper.result(o.result())).setAttempts(o.attempts()).setDetail(o.detail())
                    .setGimbalProtocol(c.action() == CameraAction.POINT_GIMBAL
                            ? reports.latest(vehicleId).map(CameraStatus::gimbalProtocol).orElse("") : "")
                    .build()));
        });
    }

    static CameraState toProto(CameraStatus s) {
        CameraState.Builder b = CameraState.newBuilder().setVehicleId(s.vehicleId()).setGimbalProtocol(s.gimbalProtocol())
                .setGimbalPitchDeg(s.gimbalPitchDeg()).setGimbalYawDeg(s.gimbalYawDeg()).setZoomPercent(s.zoomPercent())
                .setRecording(s.recording()).setRecordingTimeMs(s.recordingTimeMs()).setImageCount(s.imageCount())
                .setLastImageIndex(s.lastImageIndex()).setLastImageOk(s.lastImageOk()).setLastImageUrl(s.lastImageUrl())
                .setLastImageLatDeg(s.lastImageLatDeg()).setLastImageLonDeg(s.lastImageLonDeg()).setUpdated(time(s.updated()));
        if (s.lastImageTime() != null) {
            b.setLastImageTime(time(s.lastImageTime()));
        }
        return b.build();
    }

    private static Timestamp time(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
