package org.skyfleet.mavsdk;

import io.grpc.stub.StreamObserver;
import io.mavsdk.action.ActionProto;
import io.mavsdk.action.ActionServiceGrpc;
import java.util.function.UnaryOperator;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.VehicleState;

/**
 * MAVSDK {@code action}, governed: arm, disarm, takeoff, land, return to launch, goto, hold, takeoff altitude and
 * maximum speed, each through {@link Governor}. Refusals are MAVSDK result codes with SkyFleet's own words.
 */
final class ActionEndpoint extends ActionServiceGrpc.ActionServiceImplBase {
    /** MAVSDK's (and PX4's MIS_TAKEOFF_ALT) default, metres above home. */
    private static final float DEFAULT_TAKEOFF_ALT_M = 2.5f;

    private final Governor governor;
    private final VehicleStateFeed feed;
    private volatile float takeoffAltM = DEFAULT_TAKEOFF_ALT_M;
    private volatile float maximumSpeedMS = Float.NaN;

    ActionEndpoint(Governor governor, VehicleStateFeed feed) {
        this.governor = governor;
        this.feed = feed;
    }

    static ActionProto.ActionResult result(Outcome o) {
        ActionProto.ActionResult.Result r = switch (o.kind()) {
            case SUCCESS -> ActionProto.ActionResult.Result.RESULT_SUCCESS;
            case DENIED -> ActionProto.ActionResult.Result.RESULT_COMMAND_DENIED;
            case BUSY -> ActionProto.ActionResult.Result.RESULT_BUSY;
            case NO_SYSTEM -> ActionProto.ActionResult.Result.RESULT_NO_SYSTEM;
            case TIMEOUT -> ActionProto.ActionResult.Result.RESULT_TIMEOUT;
            case PARAMETER_ERROR -> ActionProto.ActionResult.Result.RESULT_PARAMETER_ERROR;
            case UNSUPPORTED -> ActionProto.ActionResult.Result.RESULT_UNSUPPORTED;
            case ERROR -> ActionProto.ActionResult.Result.RESULT_UNKNOWN;
        };
        return ActionProto.ActionResult.newBuilder().setResult(r).setResultStr(o.message()).build();
    }

    private ActionProto.ActionResult send(UnaryOperator<SendCommandRequest.Builder> command) {
        return result(governor.command(command));
    }

    private static <T> void reply(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }

    @Override
    public void arm(ActionProto.ArmRequest request, StreamObserver<ActionProto.ArmResponse> out) {
        reply(out, ActionProto.ArmResponse.newBuilder().setActionResult(send(b -> b.setArm(SendCommandRequest.Arm.getDefaultInstance()))).build());
    }

    @Override
    public void disarm(ActionProto.DisarmRequest request, StreamObserver<ActionProto.DisarmResponse> out) {
        reply(out, ActionProto.DisarmResponse.newBuilder().setActionResult(send(b -> b.setDisarm(SendCommandRequest.Disarm.getDefaultInstance()))).build());
    }

    @Override
    public void takeoff(ActionProto.TakeoffRequest request, StreamObserver<ActionProto.TakeoffResponse> out) {
        float alt = takeoffAltM;
        reply(out, ActionProto.TakeoffResponse.newBuilder().setActionResult(send(b -> b.setTakeoff(
                SendCommandRequest.Takeoff.newBuilder().setAltRelM(alt)))).build());
    }

    @Override
    public void land(ActionProto.LandRequest request, StreamObserver<ActionProto.LandResponse> out) {
        reply(out, ActionProto.LandResponse.newBuilder().setActionResult(send(b -> b.setLand(SendCommandRequest.Land.getDefaultInstance()))).build());
    }

    @Override
    public void returnToLaunch(ActionProto.ReturnToLaunchRequest request, StreamObserver<ActionProto.ReturnToLaunchResponse> out) {
        reply(out, ActionProto.ReturnToLaunchResponse.newBuilder().setActionResult(send(b -> b.setReturnToLaunch(
                SendCommandRequest.ReturnToLaunch.getDefaultInstance()))).build());
    }

    @Override
    public void hold(ActionProto.HoldRequest request, StreamObserver<ActionProto.HoldResponse> out) {
        reply(out, ActionProto.HoldResponse.newBuilder().setActionResult(send(b -> b.setHold(SendCommandRequest.Hold.getDefaultInstance()))).build());
    }

    /** MAVSDK gives the altitude above mean sea level; SkyFleet flies above home: converted with the vehicle's home. */
    @Override
    public void gotoLocation(ActionProto.GotoLocationRequest request, StreamObserver<ActionProto.GotoLocationResponse> out) {
        VehicleState s = feed.latest();
        ActionProto.ActionResult r;
        if (s == null || !s.hasHome()) {
            r = result(new Outcome(Outcome.Kind.NO_SYSTEM, "no home position known for " + governor.vehicleId() + " yet"));
        } else if (!Double.isFinite(request.getLatitudeDeg()) || !Double.isFinite(request.getLongitudeDeg())
                || !Float.isFinite(request.getAbsoluteAltitudeM())) {
            r = result(new Outcome(Outcome.Kind.PARAMETER_ERROR, "latitude, longitude and absolute altitude must be numbers"));
        } else {
            double altRelM = request.getAbsoluteAltitudeM() - s.getHome().getAltAmslM();
            GeoPosition target = GeoPosition.newBuilder().setLatDeg(request.getLatitudeDeg()).setLonDeg(request.getLongitudeDeg())
                    .setAltAmslM(request.getAbsoluteAltitudeM()).setAltRelM(altRelM).build();
            r = send(b -> b.setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(target)));
        }
        reply(out, ActionProto.GotoLocationResponse.newBuilder().setActionResult(r).build());
    }

    /** Kept by the gateway and used by the next takeoff, as mavsdk_server keeps it in the autopilot's parameter. */
    @Override
    public void setTakeoffAltitude(ActionProto.SetTakeoffAltitudeRequest request, StreamObserver<ActionProto.SetTakeoffAltitudeResponse> out) {
        ActionProto.ActionResult r;
        if (!(request.getAltitude() > 0) || !Float.isFinite(request.getAltitude())) {
            r = result(new Outcome(Outcome.Kind.PARAMETER_ERROR, "takeoff altitude must be above 0 m"));
        } else {
            takeoffAltM = request.getAltitude();
            r = result(Outcome.success());
        }
        reply(out, ActionProto.SetTakeoffAltitudeResponse.newBuilder().setActionResult(r).build());
    }

    @Override
    public void getTakeoffAltitude(ActionProto.GetTakeoffAltitudeRequest request, StreamObserver<ActionProto.GetTakeoffAltitudeResponse> out) {
        reply(out, ActionProto.GetTakeoffAltitudeResponse.newBuilder().setActionResult(result(Outcome.success()))
                .setAltitude(takeoffAltM).build());
    }

    /** Sent to the vehicle as its speed (DO_CHANGE_SPEED through SkyFleet's SetSpeed). */
    @Override
    public void setMaximumSpeed(ActionProto.SetMaximumSpeedRequest request, StreamObserver<ActionProto.SetMaximumSpeedResponse> out) {
        float speed = request.getSpeed();
        ActionProto.ActionResult r;
        if (!(speed > 0) || !Float.isFinite(speed)) {
            r = result(new Outcome(Outcome.Kind.PARAMETER_ERROR, "maximum speed must be above 0 m/s"));
        } else {
            r = send(b -> b.setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(speed)));
            if (r.getResult() == ActionProto.ActionResult.Result.RESULT_SUCCESS) {
                maximumSpeedMS = speed;
            }
        }
        reply(out, ActionProto.SetMaximumSpeedResponse.newBuilder().setActionResult(r).build());
    }

    @Override
    public void getMaximumSpeed(ActionProto.GetMaximumSpeedRequest request, StreamObserver<ActionProto.GetMaximumSpeedResponse> out) {
        float speed = maximumSpeedMS;
        reply(out, ActionProto.GetMaximumSpeedResponse.newBuilder().setActionResult(Float.isNaN(speed)
                ? result(new Outcome(Outcome.Kind.ERROR, "no maximum speed set through this endpoint yet"))
                : result(Outcome.success())).setSpeed(Float.isNaN(speed) ? 0 : speed).build());
    }
}
