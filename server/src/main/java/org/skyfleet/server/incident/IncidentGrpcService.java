package org.skyfleet.server.incident;

import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.proto.v1.CloseIncidentRequest;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.IncidentResponse;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentUpdate;
import org.skyfleet.proto.v1.ListIncidentsRequest;
import org.skyfleet.proto.v1.ListIncidentsResponse;
import org.skyfleet.proto.v1.ApproveSearchRequest;
import org.skyfleet.proto.v1.GetSearchMapRequest;
import org.skyfleet.proto.v1.GetSearchMapResponse;
import org.skyfleet.proto.v1.RejectSearchRequest;
import org.skyfleet.proto.v1.StreamIncidentsRequest;
import org.skyfleet.server.grpc.StatusMapping;
import org.skyfleet.server.grpc.LatestByKeyStream;
import org.skyfleet.server.grpc.Permissions;

/** {@code skyfleet.v1.IncidentService}. */
public final class IncidentGrpcService extends IncidentServiceGrpc.IncidentServiceImplBase {
    private final IncidentBook book;
    private final SearchDecisions searches;
    private final AuditJournal audit;
    private final InstantSource clock;

    public IncidentGrpcService(IncidentBook book, SearchDecisions searches, AuditJournal audit, InstantSource clock) {
        this.book = book;
        this.searches = searches;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates (or finds, by external id) an incident for any caller: the gRPC API and the webhook.
     *
     * @throws IllegalArgumentException for a malformed request (INVALID_ARGUMENT at the edge)
     */
    public static IncidentBook.Created create(IncidentBook book, AuditJournal audit, CreateIncidentRequest request,
                                              String actor, InstantSource clock) {
        IncidentBook.Created c = book.create(IncidentProtoMapper.fromRequest(request, clock.instant()), actor);
        if (c.isNew()) {
            audit.append(actor, "incident create", c.incident().incidentId(), c.incident().type() + " " + c.incident().priority()
                    + (c.incident().externalId().isEmpty() ? "" : ", external id " + c.incident().externalId()), "OPEN");
        }
        return c;
    }

    @Override
    public void createIncident(CreateIncidentRequest request, StreamObserver<IncidentResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("create incidents", Role.DISPATCHER, Role.COMMANDER, Role.AUTOMATION);
            IncidentBook.Created c = create(book, audit, request, caller.toString(), clock);
            return response(c.incident()).toBuilder().setCreated(c.isNew()).build();
        });
    }

    @Override
    public void getIncident(GetIncidentRequest request, StreamObserver<IncidentResponse> observer) {
        StatusMapping.answer(observer, () -> response(book.get(request.getIncidentId())));
    }

    @Override
    public void listIncidents(ListIncidentsRequest request, StreamObserver<ListIncidentsResponse> observer) {
        StatusMapping.answer(observer, () -> ListIncidentsResponse.newBuilder().addAllIncidents(book.list(request.getIncludeClosed()).stream()
                .map(IncidentProtoMapper::toProto).toList()).build());
    }

    @Override
    public void closeIncident(CloseIncidentRequest request, StreamObserver<IncidentResponse> observer) {
        StatusMapping.answer(observer, () -> {
            Operator caller = Permissions.require("close incidents", Role.COMMANDER, Role.DISPATCHER);
            Incident closed = book.close(request.getIncidentId(), request.getReason(), caller.toString());
            audit.append(caller.toString(), "incident close", closed.incidentId(), closed.closeReason(), "CLOSED");
            return response(closed);
        });
    }

    @Override
    public void approveSearch(ApproveSearchRequest request, StreamObserver<IncidentResponse> observer) {
        StatusMapping.answer(observer, () -> response(searches.approve(
                Permissions.require("approve searches", Role.PILOT, Role.COMMANDER, Role.AUTOMATION),
                request.getIncidentId(), request.getReason())));
    }

    @Override
    public void rejectSearch(RejectSearchRequest request, StreamObserver<IncidentResponse> observer) {
        StatusMapping.answer(observer, () -> response(searches.reject(
                Permissions.require("reject searches", Role.PILOT, Role.COMMANDER, Role.AUTOMATION),
                request.getIncidentId(), request.getReason())));
    }

    @Override
    public void getSearchMap(GetSearchMapRequest request, StreamObserver<GetSearchMapResponse> observer) {
        StatusMapping.answer(observer, () -> {
            book.get(request.getIncidentId());
            return GetSearchMapResponse.newBuilder().setSearchMap(searches.map(request.getIncidentId())).build();
        });
    }

    @Override
    public void streamIncidents(StreamIncidentsRequest request, StreamObserver<IncidentUpdate> observer) {
        LatestByKeyStream<String, IncidentUpdate> stream = LatestByKeyStream.of(observer);
        AutoCloseable subscription = book.subscribe(change -> stream.offer(change.incident().incidentId(),
                update(change.incident(), change.latest())), open -> open.forEach(i -> stream.offer(i.incidentId(), update(i, null))));
        stream.onClose(() -> {
            try {
                subscription.close();
            } catch (Exception e) {
                // nothing held
            }
        });
    }

    private static IncidentUpdate update(Incident i, org.skyfleet.fleet.incident.TimelineEntry latest) {
        IncidentUpdate.Builder b = IncidentUpdate.newBuilder().setIncident(IncidentProtoMapper.toProto(i));
        if (latest != null) {
            b.setLatest(IncidentProtoMapper.entry(latest));
        }
        return b.build();
    }

    private static IncidentResponse response(Incident i) {
        return IncidentResponse.newBuilder().setIncident(IncidentProtoMapper.toProto(i)).build();
    }
}
