package org.skyfleet.mavsdk;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skyfleet mavsdk}: serves MAVSDK's API for SkyFleet vehicles, one port each, as the pilot whose token it holds. */
@Command(name = "skyfleet mavsdk", mixinStandardHelpOptions = true,
        description = "Serve MAVSDK's gRPC API (core, telemetry, action, mission_raw, mission) for SkyFleet vehicles, one port "
                + "per vehicle, acting as the pilot of SKYFLEET_TOKEN: MAVSDK scripts fly through SkyFleet's leases, "
                + "geofences and audit.")
public final class MavsdkGatewayCommand implements Callable<Integer> {
    @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "SkyFleet gRPC host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--mavsdk-ports", defaultValue = "50060", paramLabel = "BASE",
            description = "vehicle i is served on BASE+i; 0 gives each an ephemeral port (default: ${DEFAULT-VALUE})")
    int basePort;

    @Option(names = "--mavsdk-host", defaultValue = "127.0.0.1", description = "bind address (default: ${DEFAULT-VALUE})")
    String bindHost;

    @Option(names = "--vehicle", split = ",", description = "vehicle ids to serve, in port order (default: all, by id)")
    List<String> vehicles = List.of();

    public static void main(String[] args) {
        System.exit(new CommandLine(new MavsdkGatewayCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String token = System.getenv("SKYFLEET_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("SKYFLEET_TOKEN must hold the pilot's bearer token (skyfleet token create ...)");
            return 2;
        }
        int colon = target.lastIndexOf(':');
        if (colon < 1) {
            System.err.println("--target must be host:port, e.g. 127.0.0.1:50051");
            return 2;
        }
        MavsdkGateway gateway;
        try {
            gateway = MavsdkGateway.start(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)),
                    token.trim(), bindHost, basePort, vehicles);
        } catch (io.grpc.StatusRuntimeException e) {
            System.err.println("SkyFleet at " + target + " did not list its vehicles: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()));
            return 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("cannot serve the MAVSDK ports: " + e.getMessage());
            return 1;
        }
        System.out.println("MAVSDK endpoints (connect a MAVSDK client as to a mavsdk_server at host:port):");
        for (String id : gateway.vehicleIds()) {
            System.out.printf("  %-16s %s:%d%n", id, bindHost, gateway.portOf(id));
        }
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
