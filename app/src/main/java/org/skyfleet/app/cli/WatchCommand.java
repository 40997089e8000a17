package org.skyfleet.app.cli;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;
import org.skyfleet.proto.v1.TelemetryServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skyfleet watch}: stream vehicle states as JSON lines. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Stream live vehicle states as JSON lines (one VehicleState per line).")
final class WatchCommand implements Callable<Integer> {
    @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--vehicle", description = "only this vehicle id (repeatable)")
    List<String> vehicleIds = List.of();

    @Option(names = "--max-rate-hz", description = "at most this many updates per second per vehicle")
    Double maxRateHz;

    @Option(names = "--count", defaultValue = "0", description = "stop after this many updates; 0 streams until interrupted")
    long count;

    @Override
    public Integer call() throws Exception {
        ManagedChannel channel = GrpcTarget.open(target);
        try {
            StreamVehicleStatesRequest.Builder request = StreamVehicleStatesRequest.newBuilder().addAllVehicleIds(vehicleIds);
            if (maxRateHz != null) {
                request.setMaxRateHz(maxRateHz);
            }
            JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
            Iterator<StreamVehicleStatesResponse> it = TelemetryServiceGrpc.newBlockingStub(channel)
                    .streamVehicleStates(request.build());
            long seen = 0;
            while (it.hasNext()) {
                StreamVehicleStatesResponse r = it.next();
                if (r.getSkippedUpdates() > 0) {
                    System.err.println("(skipped " + r.getSkippedUpdates() + " updates: this terminal is slower than the fleet)");
                }
                for (var state : r.getStatesList()) {
                    System.out.println(printer.print(state));
                    if (count > 0 && ++seen >= count) {
                        return 0;
                    }
                }
            }
            return 0;
        } finally {
            channel.shutdownNow();
        }
    }
}
