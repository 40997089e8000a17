package org.skyfleet.server.cli;

import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.skyfleet.server.SkyfleetServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code skyfleet serve}: the control plane until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the control plane: MAVLink UDP in, gRPC out.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws Exception {
        SkyfleetServer server = SkyfleetServer.start(options.toConfig(), InstantSource.system());
        printEndpoints(server);
        awaitShutdown(server);
        return 0;
    }

    static void printEndpoints(SkyfleetServer server) {
        System.out.printf("SkyFleet serving%n  gRPC     %s:%d (reflection and grpc.health.v1 on)%n",
                "127.0.0.1", server.grpcPort());
        server.links().forEach(l -> System.out.printf("  MAVLink  udp %s:%d (link %s)%n", l.config().bindHost(),
                l.localAddress().getPort(), l.config().linkName()));
        System.out.printf("  metrics  http://127.0.0.1:%d/metrics%n", server.httpPort());
    }

    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            stopped.countDown();
        }, "skyfleet-shutdown"));
        stopped.await();
    }
}
