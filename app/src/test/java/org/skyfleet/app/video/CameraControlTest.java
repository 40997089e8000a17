package org.skyfleet.app.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.camera.CameraStatus;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.CameraServiceGrpc;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GetCameraStateRequest;
import org.skyfleet.proto.v1.PointGimbalRequest;
import org.skyfleet.proto.v1.SetZoomRequest;
import org.skyfleet.proto.v1.StartRecordingRequest;
import org.skyfleet.proto.v1.StopRecordingRequest;
import org.skyfleet.proto.v1.TakePhotoRequest;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.video.CameraFeeds;
import org.skyfleet.simulator.video.CameraScene;
import org.skyfleet.simulator.video.rtsp.RtspCameraServer;
import org.skyfleet.video.Eventually;
import org.skyfleet.video.Ffmpeg;

/**
 * Camera control through the real wire: a CameraService call over gRPC, the MAVLink command over UDP to the
 * simulated drone, its COMMAND_ACK back as the call's result, and the drone's camera changed: the gimbal's
 * attitude and zoom it reports (GIMBAL_DEVICE_ATTITUDE_STATUS / MOUNT_ORIENTATION, CAMERA_SETTINGS) and the scene its
 * camera renders (the footprint moved ahead, narrowed by the zoom). A drone without a gimbal manager gets the
 * mount command instead. A photo comes back as CAMERA_IMAGE_CAPTURED, recording as CAMERA_CAPTURE_STATUS. Without
 * the lease a pilot is refused, a dispatcher may not ask at all; every attempt is journaled.
 */
class CameraControlTest {
    private static final double LAT = 29.87;
    private static final double LON = 121.55;

    @Test
    void gimbalZoomPhotoAndRecordingUnderTheLease() throws Exception {
        Ffmpeg.require();
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withAllowUnsigned(true), InstantSource.system());
             RtspCameraServer rtsp = new RtspCameraServer("127.0.0.1", 0)) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
            String link = server.links().get(0).config().linkName();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try (Simulation sim = Simulation.start(SimulationConfig.around(target, LAT, LON, 2, 0, 7));
                 CameraFeeds cameras = CameraFeeds.servedOverRtsp(sim, "ffmpeg",
                         name -> "mav-" + link + "-" + sim.vehicle(name).vehicle().systemId(), rtsp)) {
                String drone = "mav-" + link + "-" + sim.vehicle("drone-1").vehicle().systemId();
                String mountDrone = "mav-" + link + "-" + sim.vehicle("drone-2").vehicle().systemId();
                sim.vehicle("drone-2").gimbalCamera().setGimbalManager(false);
                Eventually.within(Duration.ofSeconds(20), "both drones known to the server",
                        () -> server.registry().find(drone).isPresent() && server.registry().find(mountDrone).isPresent());
                var pilot = camera(channel, "pam", "pilot");

                assertCode(() -> pilot.pointGimbal(gimbal(drone, -45, 90)), Status.Code.FAILED_PRECONDITION);
                assertCode(() -> camera(channel, "dee", "dispatcher").takePhoto(TakePhotoRequest.newBuilder().setVehicleId(drone).build()),
                        Status.Code.PERMISSION_DENIED);

                var fleet = FleetServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("pam", "pilot")));
                fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(300).build());
                fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(mountDrone).setTtlS(300).build());

                var pointed = pilot.pointGimbal(gimbal(drone, -45, 90)).getOutcome();
                assertThat(pointed.getResult()).as(pointed.getDetail()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                assertThat(pointed.getGimbalProtocol()).isEqualTo("gimbal-manager");
                Eventually.within(Duration.ofSeconds(5), "the drone reports its gimbal at -45/90",
                        () -> reported(server, drone).map(s -> Math.abs(s.gimbalPitchDeg() + 45) < 0.5
                                && Math.abs(s.gimbalYawDeg() - 90) < 0.5).orElse(false));
                Eventually.within(Duration.ofSeconds(5), "the camera renders the new attitude",
                        () -> cameras.scene(drone).map(s -> s.gimbalPitchDeg() == -45).orElse(false));
                CameraScene oblique = cameras.scene(drone).orElseThrow();
                double[] centre = oblique.footprintCentre();
                double aheadM = Math.hypot(centre[0] - oblique.eastM(), centre[1] - oblique.northM());
                assertThat(aheadM).as("at -45 deg the footprint is as far ahead as the drone is high")
                        .isCloseTo(Math.max(3, oblique.altRelM()), within(0.01));
                double bearing = Math.toDegrees(Math.atan2(centre[0] - oblique.eastM(), centre[1] - oblique.northM()));
                assertThat(Math.floorMod(Math.round(bearing - oblique.headingDeg() - 90), 360))
                        .as("90 deg right of the nose").isIn(0, 359, 1);

                double wideM = oblique.footprintWidthM();
                assertThat(pilot.setZoom(SetZoomRequest.newBuilder().setVehicleId(drone).setZoomPercent(100).build())
                        .getOutcome().getResult()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                Eventually.within(Duration.ofSeconds(5), "zoomed: a tenth of the field of view",
                        () -> cameras.scene(drone).map(s -> Math.abs(s.hfovDeg() - 7) < 1e-6).orElse(false)
                                && reported(server, drone).map(s -> s.zoomPercent() == 100).orElse(false));
                CameraScene zoomed = cameras.scene(drone).orElseThrow();
                assertThat(zoomed.footprintWidthM() / zoomed.slantRangeM()).isLessThan(wideM / oblique.slantRangeM() / 5);

                var mounted = pilot.pointGimbal(gimbal(mountDrone, -30, -20)).getOutcome();
                assertThat(mounted.getResult()).as(mounted.getDetail()).isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                assertThat(mounted.getGimbalProtocol()).as("no gimbal manager: MAV_CMD_DO_MOUNT_CONTROL").isEqualTo("mount");
                Eventually.within(Duration.ofSeconds(5), "the mount reports -30/-20",
                        () -> reported(server, mountDrone).map(s -> Math.abs(s.gimbalPitchDeg() + 30) < 0.5
                                && Math.abs(s.gimbalYawDeg() + 20) < 0.5).orElse(false));

                assertThat(pilot.takePhoto(TakePhotoRequest.newBuilder().setVehicleId(drone).build()).getOutcome().getResult())
                        .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                Eventually.within(Duration.ofSeconds(5), "CAMERA_IMAGE_CAPTURED for image 0",
                        () -> reported(server, drone).map(s -> s.lastImageIndex() == 0 && s.lastImageOk()).orElse(false));
                var state = pilot.getCameraState(GetCameraStateRequest.newBuilder().setVehicleId(drone).build()).getState();
                assertThat(state.getLastImageLatDeg()).isCloseTo(LAT, within(0.01));
                assertThat(state.getLastImageUrl()).endsWith("IMG_00000.jpg");

                assertThat(pilot.startRecording(StartRecordingRequest.newBuilder().setVehicleId(drone).build()).getOutcome().getResult())
                        .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                Eventually.within(Duration.ofSeconds(5), "recording", () -> reported(server, drone).map(CameraStatus::recording).orElse(false));
                assertThat(pilot.stopRecording(StopRecordingRequest.newBuilder().setVehicleId(drone).build()).getOutcome().getResult())
                        .isEqualTo(CommandResult.COMMAND_RESULT_ACCEPTED);
                Eventually.within(Duration.ofSeconds(5), "stopped", () -> reported(server, drone).map(s -> !s.recording()).orElse(false));

                assertThat(server.audit().entries()).filteredOn(e -> e.action().startsWith("camera "))
                        .extracting(e -> e.action() + " " + e.vehicleId() + " " + e.detail() + " -> " + e.result().split(" ")[0])
                        .containsExactly(
                                "camera POINT_GIMBAL " + drone + " pitch -45.0 deg, yaw 90.0 deg -> FAILED_PRECONDITION:",
                                "camera POINT_GIMBAL " + drone + " pitch -45.0 deg, yaw 90.0 deg -> ACCEPTED",
                                "camera ZOOM " + drone + " zoom 100.0 % -> ACCEPTED",
                                "camera POINT_GIMBAL " + mountDrone + " pitch -30.0 deg, yaw -20.0 deg -> ACCEPTED",
                                "camera TAKE_PHOTO " + drone + "  -> ACCEPTED",
                                "camera START_RECORDING " + drone + "  -> ACCEPTED",
                                "camera STOP_RECORDING " + drone + "  -> ACCEPTED");
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static java.util.Optional<CameraStatus> reported(SkyfleetServer server, String vehicleId) {
        return server.cameraReports().latest(vehicleId);
    }

    private static PointGimbalRequest gimbal(String vehicleId, double pitchDeg, double yawDeg) {
        return PointGimbalRequest.newBuilder().setVehicleId(vehicleId).setPitchDeg(pitchDeg).setYawDeg(yawDeg).build();
    }

    private static CameraServiceGrpc.CameraServiceBlockingStub camera(ManagedChannel channel, String who, String role) {
        return CameraServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(who, role)));
    }

    private static void assertCode(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).as(e.getStatus().getDescription()).isEqualTo(code));
    }
}
