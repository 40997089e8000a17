package org.skyfleet.server.incident;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.StatusRuntimeException;
import org.skyfleet.server.grpc.StatusMapping;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.IncidentResponse;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.http.HttpReply;

/**
 * {@code POST /api/v1/incidents}: a call-taking system creates an incident. The body is a
 * CreateIncidentRequest in protobuf's JSON mapping with its {@code externalId} (the call-taking system's
 * reference) set. 201 with the incident when it is new, 200 with the same incident when the external id
 * was delivered before, 400 with the reason when the body is wrong or has no external id.
 *
 * <p>It answers deliveries its {@link WebhookGuard} let in: the caller is proven there (signature,
 * tolerance, replay), once per node, before the records are reached here or at their leader. The external
 * id is what makes a delivery sent twice one incident, whichever node each copy reached.
 */
public final class IncidentWebhook implements HttpHandler {
    public static final String PATH = "/api/v1/incidents";
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    /** Who makes the incident: this node's records, or the records leader over gRPC. */
    @FunctionalInterface
    public interface Creator {
        /**
         * @return the incident, {@code created} set when this call made it
         * @throws RuntimeException with the reason when it cannot be made, mapped by {@link StatusMapping}
         */
        IncidentResponse create(CreateIncidentRequest request);
    }

    private final Creator creator;

    /** A webhook creating incidents in {@code book}, as the caller "webhook". */
    public IncidentWebhook(IncidentBook book, AuditJournal audit, InstantSource clock) {
        this(request -> {
            IncidentBook.Created c = IncidentGrpcService.create(book, audit, request, "webhook", clock);
            return IncidentResponse.newBuilder().setIncident(IncidentProtoMapper.toProto(c.incident())).setCreated(c.isNew()).build();
        });
    }

    public IncidentWebhook(Creator creator) {
        this.creator = creator;
    }

    /** A bad call is the caller's to fix (400); the records being away or changing hands is for it to retry (503). */
    private static int httpStatus(io.grpc.Status.Code code) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> 503;
            case INTERNAL, UNKNOWN, DATA_LOSS -> 500;
            default -> 400;
        };
    }

    @Override
    public HttpReply handle(HttpHeaders headers, byte[] body) {
        CreateIncidentRequest.Builder request = CreateIncidentRequest.newBuilder();
        try {
            PARSER.merge(new String(body, StandardCharsets.UTF_8), request);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return HttpReply.error(400, "invalid_argument", "body is not a CreateIncidentRequest in JSON: " + e.getMessage());
        }
        if (request.getExternalId().isBlank()) {
            return HttpReply.error(400, "invalid_argument", "externalId is required on webhook deliveries: the call-taking "
                    + "system's own reference, so that a call delivered twice is one incident");
        }
        try {
            IncidentResponse made = creator.create(request.build());
            String json = PRINTER.print(IncidentResponse.newBuilder().setIncident(made.getIncident()));
            return HttpReply.json(made.getCreated() ? 201 : 200, json);
        } catch (RuntimeException refused) {
            StatusRuntimeException e = StatusMapping.toStatus(refused);
            return HttpReply.error(httpStatus(e.getStatus().getCode()), e.getStatus().getCode().name().toLowerCase(),
                    String.valueOf(e.getStatus().getDescription()));
        } catch (InvalidProtocolBufferException e) {
            return HttpReply.error(500, "internal", e.getMessage());
        }
    }
}
