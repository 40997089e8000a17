package org.skyfleet.mavsdk;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One vehicle as a mavsdk_server: its own gRPC port serving core, telemetry, action, mission_raw
 * and mission. A stock MAVSDK
 * client names only a host and port (it has no way to pick a system on a shared server), hence one port each.
 */
final class VehicleEndpoint implements AutoCloseable {
    private final String vehicleId;
    private final VehicleStateFeed feed;
    private final Server server;

    VehicleEndpoint(SkyfleetConnection skyfleet, String token, String vehicleId, InetSocketAddress bind) throws IOException {
        this.vehicleId = vehicleId;
        this.feed = new VehicleStateFeed(skyfleet, token, vehicleId);
        Governor governor = new Governor(skyfleet, vehicleId);
        CallerToken caller = new CallerToken(token);
        MissionRawEndpoint missionRaw = new MissionRawEndpoint(governor, feed, new MissionTracker(skyfleet), skyfleet);
        this.server = NettyServerBuilder.forAddress(bind)
                .addService(ServerInterceptors.intercept(new CoreEndpoint(feed), caller))
                .addService(ServerInterceptors.intercept(new TelemetryEndpoint(feed), caller))
                .addService(ServerInterceptors.intercept(new ActionEndpoint(governor, feed), caller))
                .addService(ServerInterceptors.intercept(missionRaw, caller))
                .addService(ServerInterceptors.intercept(new MissionEndpoint(missionRaw), caller))
                .build().start();
    }

    String vehicleId() {
        return vehicleId;
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        feed.close();
    }
}
