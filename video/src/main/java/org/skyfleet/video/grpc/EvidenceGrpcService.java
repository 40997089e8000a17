package org.skyfleet.video.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.evidence.EvidenceSegment;
import org.skyfleet.fleet.evidence.EvidenceStore;
import org.skyfleet.proto.v1.DeleteEvidenceRequest;
import org.skyfleet.proto.v1.DeleteEvidenceResponse;
import org.skyfleet.proto.v1.DownloadEvidenceSegmentRequest;
import org.skyfleet.proto.v1.DownloadEvidenceSegmentResponse;
import org.skyfleet.proto.v1.EvidenceServiceGrpc;
import org.skyfleet.proto.v1.ListEvidenceSegmentsRequest;
import org.skyfleet.proto.v1.ListEvidenceSegmentsResponse;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.video.evidence.EvidenceRecorder;

/**
 * {@code skyfleet.v1.EvidenceService}: an incident's recorded segments listed and downloaded for export
 * (commanders, admins), deleted by an admin (journaled by the recorder). Roles are in {@code RpcRoles}.
 */
public final class EvidenceGrpcService extends EvidenceServiceGrpc.EvidenceServiceImplBase {
    private static final int CHUNK_BYTES = 1 << 20;

    private final EvidenceStore store;
    private final EvidenceRecorder recorder;

    public EvidenceGrpcService(EvidenceStore store, EvidenceRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    @Override
    public void listEvidenceSegments(ListEvidenceSegmentsRequest r, StreamObserver<ListEvidenceSegmentsResponse> observer) {
        StatusMapping.answer(observer, () -> ListEvidenceSegmentsResponse.newBuilder()
                .addAllSegments(store.byIncident(r.getIncidentId()).stream().map(EvidenceGrpcService::toProto).toList()).build());
    }

    @Override
    public void downloadEvidenceSegment(DownloadEvidenceSegmentRequest r, StreamObserver<DownloadEvidenceSegmentResponse> observer) {
        EvidenceSegment s = store.find(r.getSegmentId()).orElse(null);
        if (s == null) {
            observer.onError(Status.NOT_FOUND.withDescription("no evidence segment " + r.getSegmentId()).asRuntimeException());
            return;
        }
        Path file = recorder.file(s);
        ServerCallStreamObserver<DownloadEvidenceSegmentResponse> call = (ServerCallStreamObserver<DownloadEvidenceSegmentResponse>) observer;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[CHUNK_BYTES];
            for (int n = in.readNBytes(buf, 0, buf.length); n > 0 && !call.isCancelled(); n = in.readNBytes(buf, 0, buf.length)) {
                call.onNext(DownloadEvidenceSegmentResponse.newBuilder().setChunk(ByteString.copyFrom(buf, 0, n)).build());
            }
            call.onCompleted();
        } catch (NoSuchFileException e) {
            call.onError(Status.NOT_FOUND.withDescription("the file of evidence segment " + s.segmentId() + " is gone").asRuntimeException());
        } catch (IOException e) {
            call.onError(Status.UNAVAILABLE.withDescription("evidence segment " + s.segmentId() + " unreadable: " + e.getMessage())
                    .asRuntimeException());
        }
    }

    @Override
    public void deleteEvidence(DeleteEvidenceRequest r, StreamObserver<DeleteEvidenceResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = CallerInterceptor.require();
            if (r.getIncidentId().isBlank()) {
                throw new IllegalArgumentException("incident_id is required");
            }
            int n = recorder.delete(r.getIncidentId(), caller.toString(), r.getReason());
            return DeleteEvidenceResponse.newBuilder().setSegmentsDeleted(n).build();
        });
    }

    static org.skyfleet.proto.v1.EvidenceSegment toProto(EvidenceSegment s) {
        return org.skyfleet.proto.v1.EvidenceSegment.newBuilder().setSegmentId(s.segmentId()).setIncidentId(s.incidentId())
                .setVehicleId(s.vehicleId()).setFileName(s.fileName()).setStartTime(time(s.start())).setEndTime(time(s.end()))
                .setSizeBytes(s.sizeBytes()).setSha256(s.sha256()).setAuditSequence(s.auditSequence()).setAuditHash(s.auditHash())
                .build();
    }

    private static Timestamp time(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

}
