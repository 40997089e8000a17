package org.skyfleet.mavsdk;

import io.grpc.stub.StreamObserver;
import io.mavsdk.telemetry.TelemetryProto;
import io.mavsdk.telemetry.TelemetryServiceGrpc;

/**
 * MAVSDK {@code telemetry}: position, home, in-air, armed, flight mode, battery, health and attitude as
 * subscriptions, from SkyFleet's live state. Other telemetry RPCs answer UNIMPLEMENTED.
 */
final class TelemetryEndpoint extends TelemetryServiceGrpc.TelemetryServiceImplBase {
    private final VehicleStateFeed feed;

    TelemetryEndpoint(VehicleStateFeed feed) {
        this.feed = feed;
    }

    @Override
    public void subscribePosition(TelemetryProto.SubscribePositionRequest request, StreamObserver<TelemetryProto.PositionResponse> out) {
        Subscriptions.forward(feed, out, s -> {
            var p = TelemetryMapping.position(s);
            return p == null ? null : TelemetryProto.PositionResponse.newBuilder().setPosition(p).build();
        });
    }

    @Override
    public void subscribeHome(TelemetryProto.SubscribeHomeRequest request, StreamObserver<TelemetryProto.HomeResponse> out) {
        Subscriptions.forward(feed, out, s -> {
            var h = TelemetryMapping.home(s);
            return h == null ? null : TelemetryProto.HomeResponse.newBuilder().setHome(h).build();
        });
    }

    @Override
    public void subscribeInAir(TelemetryProto.SubscribeInAirRequest request, StreamObserver<TelemetryProto.InAirResponse> out) {
        Subscriptions.forward(feed, out, s -> TelemetryProto.InAirResponse.newBuilder().setIsInAir(TelemetryMapping.inAir(s)).build());
    }

    @Override
    public void subscribeArmed(TelemetryProto.SubscribeArmedRequest request, StreamObserver<TelemetryProto.ArmedResponse> out) {
        Subscriptions.forward(feed, out, s -> TelemetryProto.ArmedResponse.newBuilder().setIsArmed(s.getArmed()).build());
    }

    @Override
    public void subscribeFlightMode(TelemetryProto.SubscribeFlightModeRequest request, StreamObserver<TelemetryProto.FlightModeResponse> out) {
        Subscriptions.forward(feed, out, s -> TelemetryProto.FlightModeResponse.newBuilder()
                .setFlightMode(TelemetryMapping.flightMode(s)).build());
    }

    @Override
    public void subscribeBattery(TelemetryProto.SubscribeBatteryRequest request, StreamObserver<TelemetryProto.BatteryResponse> out) {
        Subscriptions.forward(feed, out, s -> {
            var b = TelemetryMapping.battery(s);
            return b == null ? null : TelemetryProto.BatteryResponse.newBuilder().setBattery(b).build();
        });
    }

    @Override
    public void subscribeHealth(TelemetryProto.SubscribeHealthRequest request, StreamObserver<TelemetryProto.HealthResponse> out) {
        Subscriptions.forward(feed, out, s -> TelemetryProto.HealthResponse.newBuilder().setHealth(TelemetryMapping.health(s)).build());
    }

    @Override
    public void subscribeHealthAllOk(TelemetryProto.SubscribeHealthAllOkRequest request,
                                     StreamObserver<TelemetryProto.HealthAllOkResponse> out) {
        Subscriptions.forward(feed, out, s -> TelemetryProto.HealthAllOkResponse.newBuilder()
                .setIsHealthAllOk(TelemetryMapping.health(s).getIsArmable()).build());
    }

    @Override
    public void subscribeAttitudeEuler(TelemetryProto.SubscribeAttitudeEulerRequest request,
                                       StreamObserver<TelemetryProto.AttitudeEulerResponse> out) {
        Subscriptions.forward(feed, out, s -> {
            var e = TelemetryMapping.euler(s);
            return e == null ? null : TelemetryProto.AttitudeEulerResponse.newBuilder().setAttitudeEuler(e).build();
        });
    }

    @Override
    public void subscribeAttitudeQuaternion(TelemetryProto.SubscribeAttitudeQuaternionRequest request,
                                            StreamObserver<TelemetryProto.AttitudeQuaternionResponse> out) {
        Subscriptions.forward(feed, out, s -> {
            var q = TelemetryMapping.quaternion(s);
            return q == null ? null : TelemetryProto.AttitudeQuaternionResponse.newBuilder().setAttitudeQuaternion(q).build();
        });
    }
}
