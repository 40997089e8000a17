package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.ListAuditEntriesResponse;
import org.skyfleet.server.audit.AuditGrpcService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skyfleet audit [verify]}: prints the journal, or checks its hash chain on this side of the wire. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit journal (who did what to which vehicle, when, with what result), or 'verify' its hash chain.")
final class AuditCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "verify", description = "verify the hash chain instead of printing")
    String mode;

    @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--vehicle", description = "only this vehicle's entries")
    String vehicleId;

    @Override
    public Integer call() {
        if (mode != null && !mode.equals("verify")) {
            System.err.println("unknown mode '" + mode + "': use 'skyfleet audit' or 'skyfleet audit verify'");
            return 2;
        }
        ManagedChannel channel = GrpcTarget.open(target);
        try {
            var stub = AuditServiceGrpc.newBlockingStub(channel);
            List<org.skyfleet.proto.v1.AuditEntry> entries = new ArrayList<>();
            long after = 0;
            while (true) {
                ListAuditEntriesResponse page = stub.withDeadlineAfter(30, TimeUnit.SECONDS).listAuditEntries(
                        ListAuditEntriesRequest.newBuilder().setAfterSequence(after).setLimit(10_000)
                                .setVehicleId(mode == null && vehicleId != null ? vehicleId : "").build());
                entries.addAll(page.getEntriesList());
                if (page.getEntriesCount() < 10_000) {
                    break;
                }
                after = page.getEntries(page.getEntriesCount() - 1).getSequence();
            }
            if (mode != null) {
                var broken = AuditJournal.firstBroken(entries.stream().map(AuditGrpcService::fromProto).toList());
                if (broken.isPresent()) {
                    System.out.println("BROKEN at entry " + broken.get().sequence() + ": changed, or an entry before it removed");
                    return 1;
                }
                System.out.println("intact: " + entries.size() + " entries, last hash "
                        + (entries.isEmpty() ? "-" : entries.get(entries.size() - 1).getHash()));
                return 0;
            }
            for (var e : entries) {
                System.out.printf("%6d %s %-24s %-20s %-14s %s -> %s%n", e.getSequence(),
                        java.time.Instant.ofEpochSecond(e.getTime().getSeconds(), e.getTime().getNanos()), e.getActor(),
                        e.getAction(), e.getVehicleId(), e.getDetail(), e.getResult());
            }
            return 0;
        } finally {
            channel.shutdownNow();
        }
    }
}
