package org.skyfleet.server.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/** Opens a plaintext channel to a SkyFleet server given as host:port. */
final class GrpcTarget {
    private GrpcTarget() {
    }

    static ManagedChannel open(String target) {
        return NettyChannelBuilder.forTarget(target).usePlaintext().build();
    }
}
