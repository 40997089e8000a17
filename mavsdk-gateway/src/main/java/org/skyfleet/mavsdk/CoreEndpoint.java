package org.skyfleet.mavsdk;

import io.grpc.stub.StreamObserver;
import io.mavsdk.core.CoreProto;
import io.mavsdk.core.CoreServiceGrpc;
import org.skyfleet.proto.v1.LinkState;

/** MAVSDK {@code core}: the vehicle is connected while SkyFleet hears its heartbeats. */
final class CoreEndpoint extends CoreServiceGrpc.CoreServiceImplBase {
    private final VehicleStateFeed feed;

    CoreEndpoint(VehicleStateFeed feed) {
        this.feed = feed;
    }

    @Override
    public void subscribeConnectionState(CoreProto.SubscribeConnectionStateRequest request,
                                         StreamObserver<CoreProto.ConnectionStateResponse> out) {
        Subscriptions.forward(feed, out, s -> CoreProto.ConnectionStateResponse.newBuilder()
                .setConnectionState(CoreProto.ConnectionState.newBuilder()
                        .setIsConnected(s.getLinkState() == LinkState.LINK_STATE_CONNECTED && s.getLinkClaimPeer().isEmpty()))
                .build());
    }

    @Override
    public void setMavlinkTimeout(CoreProto.SetMavlinkTimeoutRequest request,
                                  StreamObserver<CoreProto.SetMavlinkTimeoutResponse> out) {
        // SkyFleet owns the MAVLink link and its timeouts; accepted and ignored, as a remote mavsdk_server would.
        out.onNext(CoreProto.SetMavlinkTimeoutResponse.getDefaultInstance());
        out.onCompleted();
    }
}
