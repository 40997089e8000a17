package org.skyfleet.server.grpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.SourceAddress;
import org.skyfleet.server.auth.SourceBans;

/**
 * The gRPC server's listening socket, with {@link SourceBans} at the door: a connection from a banned source is
 * reset as it is accepted, before Netty or gRPC build anything for it (a transport, HTTP/2 state, buffers), so a
 * banned attacker that reconnects in a loop costs an accept and a close each; any other connection is
 * remembered, so a later ban of its source closes it.
 */
public final class BannedSourceGate extends NioServerSocketChannel {
    private static final String TURNED_AWAY = "connection reset on arrival: its source is banned";
    private final RefusalTally refusals;
    private final SourceBans bans;

    private BannedSourceGate(RefusalTally refusals) {
        this.refusals = refusals;
        this.bans = Objects.requireNonNull(refusals.bans(), "the tally must ban sources");
    }

    /**
     * Has {@code builder} listen through the gate, on event loops of its own (gRPC requires its own loops with
     * its own channel type).
     *
     * @return closes those loops; run it after the server has shut down
     */
    public static AutoCloseable install(NettyServerBuilder builder, RefusalTally refusals, int workerThreads) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("skyfleet-grpc-accept", true),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerThreads, new DefaultThreadFactory("skyfleet-grpc-io", true),
                NioIoHandler.newFactory());
        builder.channelFactory(() -> new BannedSourceGate(refusals)).bossEventLoopGroup(boss).workerEventLoopGroup(workers);
        return () -> {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        };
    }

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) {
            return 0;
        }
        try {
            String source = SourceAddress.of(socket.getRemoteAddress());
            if (bans.turnAway(source)) {
                socket.setOption(StandardSocketOptions.SO_LINGER, 0); // a reset: nothing kept for the banned
                socket.close();
                refusals.record(source, "anonymous", "BANNED", TURNED_AWAY);
                return 0;
            }
            NioSocketChannel child = new NioSocketChannel(this, socket);
            Runnable forget = bans.track(source, child::close);
            child.closeFuture().addListener(f -> forget.run());
            accepted.add(child);
            return 1;
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing what could not be accepted: nothing more to do
            }
            return 0;
        }
    }
}
