package org.skyfleet.app.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.app.cli.SkyfleetCommand;
import org.skyfleet.fleet.evidence.EvidenceSegment;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.DeleteEvidenceRequest;
import org.skyfleet.proto.v1.EvidenceServiceGrpc;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.video.Eventually;
import org.skyfleet.video.Ffmpeg;
import org.skyfleet.video.evidence.EvidenceConfig;
import org.skyfleet.video.evidence.EvidenceManifest;
import picocli.CommandLine;

/**
 * Evidence end to end: a drone pushing H.264 (FFmpeg as a dock) is put on an open incident; the server records its
 * feed in 2 s MP4 segments, each hash journaled; the incident closes and the recording ends; {@code skyfleet evidence
 * export} writes the files and the manifest over gRPC and {@code verify} finds them intact; one byte flipped, a
 * file removed, or a segment left out of the manifest is a failure naming the file. Deleting is for admins only,
 * and journaled.
 */
class EvidenceEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void recordedHashedExportedVerifiedAndTamperingNamed() throws Exception {
        Ffmpeg.require();
        InMemoryStore store = new InMemoryStore();
        EvidenceConfig evidence = EvidenceConfig.under(tmp.resolve("evidence")).withSegment(Duration.ofSeconds(2));
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withAllowUnsigned(true), AutomationConfig.defaults(),
                store, InstantSource.system(), org.skyfleet.app.NodeParts.defaults().withEvidence(evidence))) {
            String drone = "drone-7";
            server.video().acceptPush(drone);
            Process pusher = Ffmpeg.publishOnceListening("320x180", "libx264", server.video().pushUrl(drone).orElseThrow());
            String incident;
            try {
                IncidentBook book = server.records().orElseThrow().incidents();
                incident = book.create(new NewIncident("", IncidentType.OTHER, IncidentPriority.P2, new GeoPoint(29.87, 121.55),
                        "evidence test", null, Instant.now()), "dee").incident().incidentId();
                book.update(incident, i -> i.withSearch(i.search().withAssignments(List.of(new SearchAssignment(drone, "", List.of(), 0, 100)))),
                        TimelineEntry.of(Instant.now(), TimelineKind.DRONE_LAUNCHED, "dee", drone + " on the incident"));
                Eventually.within(Duration.ofSeconds(40), "three segments recorded",
                        () -> store.evidence().byIncident(incident).size() >= 3);
                book.close(incident, "found", "dee");
                Eventually.within(Duration.ofSeconds(20), "the recording ended with the incident", () -> server.evidence().activeRuns() == 0);
                server.evidence().flush();
            } finally {
                pusher.destroy();
            }
            List<EvidenceSegment> segments = store.evidence().byIncident(incident);
            for (EvidenceSegment s : segments) {
                assertThat(server.audit().entries()).as("the journal holds the hash of " + s.fileName())
                        .anyMatch(e -> e.sequence() == s.auditSequence() && e.hash().equals(s.auditHash())
                                && e.detail().contains("sha256 " + s.sha256()) && e.action().equals("evidence segment recorded"));
                assertThat(Duration.between(s.start(), s.end()).toMillis()).as(s.fileName()).isBetween(100L, 4_000L);
            }

            String target = "127.0.0.1:" + server.grpcPort();
            Path out = tmp.resolve("export");
            assertThat(cli("evidence", "export", incident, "--out", out.toString(), "--target", target).code).isZero();
            EvidenceManifest manifest = EvidenceManifest.read(out);
            assertThat(manifest.segments()).hasSameSizeAs(segments);
            String second = manifest.segments().get(1).file();
            assertThat(Ffmpeg.probe(out.resolve(second))).isEqualTo("h264,320,180");
            Run ok = cli("evidence", "verify", out.toString(), "--target", target);
            assertThat(ok.code).as(ok.out).isZero();
            assertThat(ok.out).contains("verified: " + segments.size() + " segment(s)");

            byte[] bytes = Files.readAllBytes(out.resolve(second));
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(out.resolve(second), bytes);
            Run flipped = cli("evidence", "verify", out.toString(), "--target", target);
            assertThat(flipped.code).isEqualTo(1);
            assertThat(flipped.out).contains("FAILED hash-mismatch: " + second + ": SHA-256 is ");
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(out.resolve(second), bytes);

            Path firstFile = out.resolve(manifest.segments().get(0).file());
            byte[] first = Files.readAllBytes(firstFile);
            Files.delete(firstFile);
            Run missing = cli("evidence", "verify", out.toString(), "--target", target);
            assertThat(missing.code).isEqualTo(1);
            assertThat(missing.out).contains("FAILED missing-file: " + manifest.segments().get(0).file());
            Files.write(firstFile, first);

            EvidenceManifest.Entry last = manifest.segments().get(manifest.segments().size() - 1);
            new EvidenceManifest(incident, manifest.exportedAt(), manifest.segments().subList(0, manifest.segments().size() - 1)).write(out);
            Files.delete(out.resolve(last.file()));
            Run leftOut = cli("evidence", "verify", out.toString(), "--target", target);
            assertThat(leftOut.code).isEqualTo(1);
            assertThat(leftOut.out).contains("FAILED missing-segment: " + last.file() + ": recorded in audit entry " + last.auditSequence());

            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try {
                DeleteEvidenceRequest delete = DeleteEvidenceRequest.newBuilder().setIncidentId(incident).setReason("court order 7").build();
                assertThatThrownBy(() -> evidence(channel, "cmdr", "commander").deleteEvidence(delete))
                        .isInstanceOfSatisfying(StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
                assertThat(evidence(channel, "root", "admin").deleteEvidence(delete).getSegmentsDeleted()).isEqualTo(segments.size());
            } finally {
                channel.shutdownNow();
            }
            assertThat(store.evidence().byIncident(incident)).isEmpty();
            for (EvidenceSegment s : segments) {
                assertThat(server.evidence().file(s)).doesNotExist();
            }
            assertThat(server.audit().entries()).anyMatch(e -> e.action().equals("evidence deleted") && e.actor().startsWith("root")
                    && e.detail().equals("incident " + incident + ", " + segments.size() + " segment(s), reason: court order 7"));
        }
    }

    private record Run(int code, String out) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new SkyfleetCommand()).execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }

    private static EvidenceServiceGrpc.EvidenceServiceBlockingStub evidence(ManagedChannel channel, String who, String role) {
        return EvidenceServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(who, role)));
    }
}
