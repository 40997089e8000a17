package org.skyfleet.app.cli;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.ListVehiclesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skyfleet vehicles}: list the known vehicles over gRPC. */
@Command(name = "vehicles", mixinStandardHelpOptions = true, description = "List the vehicles a SkyFleet server knows.")
final class VehiclesCommand implements Callable<Integer> {
    @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--json", description = "print the response as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ManagedChannel channel = GrpcTarget.open(target);
        try {
            ListVehiclesResponse r = FleetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listVehicles(ListVehiclesRequest.getDefaultInstance());
            if (json) {
                System.out.println(JsonFormat.printer().print(r));
                return 0;
            }
            java.util.Map<String, String> airframes = AircraftColumns.airframes(channel);
            System.out.printf("%-16s %-12s %-10s %-10s %-6s %-10s %11s %11s %7s %5s  %s%n",
                    "VEHICLE", "TYPE", "AUTOPILOT", "LINK", "ARMED", "MODE", "LAT", "LON", "ALT_M", "BAT%", AircraftColumns.HEADER);
            for (var v : r.getVehiclesList()) {
                System.out.printf("%-16s %-12s %-10s %-10s %-6s %-10s %11.6f %11.6f %7.1f %5.0f  %s%n", v.getVehicleId(),
                        v.getType().name().replace("VEHICLE_TYPE_", ""), v.getAutopilot().name().replace("AUTOPILOT_", ""),
                        v.getLinkState().name().replace("LINK_STATE_", ""), v.getArmed(), v.getFlightMode(),
                        v.getPosition().getPosition().getLatDeg(), v.getPosition().getPosition().getLonDeg(),
                        v.getPosition().getPosition().getAltRelM(), v.getBattery().getRemainingPercent(),
                        airframes.getOrDefault(v.getVehicleId(), "-"));
            }
            return 0;
        } finally {
            channel.shutdownNow();
        }
    }

    /** The same table from domain states, for the demo's closing summary. */
    static void printTable(List<VehicleState> states) {
        for (VehicleState s : states) {
            System.out.printf("%-16s %-12s %-10s %-10s %s%n", s.vehicleId(), s.identity().kind(), s.identity().autopilot(),
                    s.status().linkState(), s.position() == null ? "no position yet"
                            : String.format("%.6f,%.6f alt %.1f m", s.position().latDeg(), s.position().lonDeg(), s.position().altRelM()));
        }
    }
}
