package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.DownloadEvidenceSegmentRequest;
import org.skyfleet.proto.v1.DownloadEvidenceSegmentResponse;
import org.skyfleet.proto.v1.EvidenceSegment;
import org.skyfleet.proto.v1.EvidenceServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.ListAuditEntriesResponse;
import org.skyfleet.proto.v1.ListEvidenceSegmentsRequest;
import org.skyfleet.server.audit.AuditGrpcService;
import org.skyfleet.video.evidence.EvidenceManifest;
import org.skyfleet.video.evidence.EvidenceVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skyfleet evidence export INCIDENT --out DIR} and {@code skyfleet evidence verify DIR}: an incident's recorded
 * video with its manifest, and the check of such an export against itself and the server's audit journal.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Export an incident's recorded video as evidence, or verify an export against the audit journal.",
        subcommands = {EvidenceCommand.Export.class, EvidenceCommand.Verify.class})
final class EvidenceCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("use 'skyfleet evidence export INCIDENT --out DIR' or 'skyfleet evidence verify DIR'");
    }

    /** Writes every recorded segment of an incident and {@code manifest.json} into a directory. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write an incident's recorded video segments and "
            + "a manifest (vehicle, file, start/end UTC, SHA-256, audit entry) into a directory.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "INCIDENT", description = "the incident id")
        String incidentId;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write (created; must be empty)")
        Path out;

        @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
        String target;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out);
            try (var existing = Files.list(out)) {
                if (existing.findAny().isPresent()) {
                    System.err.println(out + " is not empty: an export goes into a directory of its own");
                    return 2;
                }
            }
            ManagedChannel channel = GrpcTarget.open(target);
            try {
                var stub = EvidenceServiceGrpc.newBlockingStub(channel);
                List<EvidenceSegment> segments = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                        .listEvidenceSegments(ListEvidenceSegmentsRequest.newBuilder().setIncidentId(incidentId).build()).getSegmentsList();
                List<EvidenceManifest.Entry> entries = new ArrayList<>();
                for (EvidenceSegment s : segments) {
                    try (OutputStream file = Files.newOutputStream(out.resolve(s.getFileName()))) {
                        Iterator<DownloadEvidenceSegmentResponse> chunks = stub.withDeadlineAfter(10, TimeUnit.MINUTES)
                                .downloadEvidenceSegment(DownloadEvidenceSegmentRequest.newBuilder().setSegmentId(s.getSegmentId()).build());
                        while (chunks.hasNext()) {
                            chunks.next().getChunk().writeTo(file);
                        }
                    }
                    entries.add(new EvidenceManifest.Entry(s.getVehicleId(), s.getFileName(), instant(s.getStartTime()),
                            instant(s.getEndTime()), s.getSizeBytes(), s.getSha256(), s.getAuditSequence(), s.getAuditHash()));
                }
                new EvidenceManifest(incidentId, Instant.now(), entries).write(out);
                System.out.println("exported " + entries.size() + " segment(s) of incident " + incidentId + " to " + out);
                return 0;
            } finally {
                channel.shutdownNow();
            }
        }

        private static Instant instant(com.google.protobuf.Timestamp t) {
            return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
        }
    }

    /** Recomputes every hash and matches the manifest against the server's journal; exit 1 on any problem. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check an export: every file's SHA-256 recomputed, "
            + "the manifest matched against the audit journal (entry, hash chain, no recorded segment left out).")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the export's directory")
        Path dir;

        @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
        String target;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(dir.resolve(EvidenceManifest.FILE_NAME))) {
                System.out.println("FAILED: no " + EvidenceManifest.FILE_NAME + " in " + dir);
                return 1;
            }
            List<EvidenceVerifier.Problem> problems = EvidenceVerifier.verify(dir, journal());
            if (problems.isEmpty()) {
                System.out.println("verified: " + EvidenceManifest.read(dir).segments().size()
                        + " segment(s), every SHA-256 matches the manifest and the audit journal");
                return 0;
            }
            problems.forEach(p -> System.out.println("FAILED " + p));
            return 1;
        }

        private List<AuditEntry> journal() {
            ManagedChannel channel = GrpcTarget.open(target);
            try {
                var stub = AuditServiceGrpc.newBlockingStub(channel);
                List<AuditEntry> entries = new ArrayList<>();
                long after = 0;
                while (true) {
                    ListAuditEntriesResponse page = stub.withDeadlineAfter(30, TimeUnit.SECONDS).listAuditEntries(
                            ListAuditEntriesRequest.newBuilder().setAfterSequence(after).setLimit(10_000).build());
                    page.getEntriesList().forEach(e -> entries.add(AuditGrpcService.fromProto(e)));
                    if (page.getEntriesCount() < 10_000) {
                        return entries;
                    }
                    after = page.getEntries(page.getEntriesCount() - 1).getSequence();
                }
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
