package org.skyfleet.server.audit;

import io.grpc.stub.StreamObserver;
import java.util.List;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.proto.v1.AuditServiceGrpc;
import org.skyfleet.proto.v1.ListAuditEntriesRequest;
import org.skyfleet.proto.v1.ListAuditEntriesResponse;
import org.skyfleet.server.grpc.ProtoMapper;
import org.skyfleet.server.grpc.StatusMapping;

/** {@code skyfleet.v1.AuditService}: pages through the journal. */
public final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;
    private final AuditJournal journal;

    public AuditGrpcService(AuditJournal journal) {
        this.journal = journal;
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest request, StreamObserver<ListAuditEntriesResponse> observer) {
        StatusMapping.answer(observer, () -> page(request));
    }

    private ListAuditEntriesResponse page(ListAuditEntriesRequest request) {
        if (Integer.toUnsignedLong(request.getLimit()) > MAX_LIMIT) { // uint32: above 2^31 it reads negative
            throw new IllegalArgumentException("limit must be at most " + MAX_LIMIT + ", got "
                    + Integer.toUnsignedString(request.getLimit()) + "; page with after_sequence");
        }
        int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : request.getLimit();
        // chain_intact is of the whole journal, so it is read (a page at a time) on every call
        ListAuditEntriesResponse.Builder b = ListAuditEntriesResponse.newBuilder()
                .setChainIntact(journal.firstBroken().isEmpty());
        long after = request.getAfterSequence();
        while (b.getEntriesCount() < limit) {
            List<org.skyfleet.fleet.audit.AuditEntry> page = journal.page(after, limit);
            for (var e : page) {
                if (b.getEntriesCount() < limit
                        && (request.getVehicleId().isEmpty() || request.getVehicleId().equals(e.vehicleId()))) {
                    b.addEntries(toProto(e));
                }
            }
            if (page.size() < limit) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        return b.build();
    }

    public static org.skyfleet.proto.v1.AuditEntry toProto(org.skyfleet.fleet.audit.AuditEntry e) {
        return org.skyfleet.proto.v1.AuditEntry.newBuilder().setSequence(e.sequence()).setTime(ProtoMapper.timestamp(e.time()))
                .setActor(e.actor()).setAction(e.action()).setVehicleId(e.vehicleId()).setDetail(e.detail())
                .setResult(e.result()).setPreviousHash(e.previousHash()).setHash(e.hash()).build();
    }

    /** The domain entry back from the wire, for verifying a downloaded chain on the client. */
    public static org.skyfleet.fleet.audit.AuditEntry fromProto(org.skyfleet.proto.v1.AuditEntry e) {
        return new org.skyfleet.fleet.audit.AuditEntry(e.getSequence(),
                java.time.Instant.ofEpochSecond(e.getTime().getSeconds(), e.getTime().getNanos()), e.getActor(), e.getAction(),
                e.getVehicleId(), e.getDetail(), e.getResult(), e.getPreviousHash(), e.getHash());
    }
}
