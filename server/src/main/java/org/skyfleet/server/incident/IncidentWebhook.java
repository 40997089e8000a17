package org.skyfleet.server.incident;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.StatusRuntimeException;
import org.skyfleet.server.grpc.StatusMapping;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.IncidentResponse;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.http.HttpReply;

/**
 * {@code POST /api/v1/incidents}: a call-taking system creates an incident. The body is a
 * CreateIncidentRequest in protobuf's JSON mapping; the caller proves itself with
 * {@code Authorization: Bearer <shared secret>}. 201 with the incident when it is new, 200 with the
 * same incident when the external id was delivered before, 400 with the reason when the body is wrong,
 * 401 without the right secret (audited).
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
    private final AuditJournal audit;
    private final byte[] secret;

    /** A webhook creating incidents in {@code book}, as the caller "webhook". */
    public IncidentWebhook(IncidentBook book, AuditJournal audit, InstantSource clock, String sharedSecret) {
        this(request -> {
            IncidentBook.Created c = IncidentGrpcService.create(book, audit, request, "webhook", clock);
            return IncidentResponse.newBuilder().setIncident(IncidentProtoMapper.toProto(c.incident())).setCreated(c.isNew()).build();
        }, audit, sharedSecret);
    }

    /** @param sharedSecret the bearer secret; at least 16 characters */
    public IncidentWebhook(Creator creator, AuditJournal audit, String sharedSecret) {
        if (sharedSecret == null || sharedSecret.length() < 16) {
            throw new IllegalArgumentException("the webhook secret must be at least 16 characters");
        }
        this.creator = creator;
        this.audit = audit;
        this.secret = sharedSecret.getBytes(StandardCharsets.UTF_8);
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
        String auth = headers.get(HttpHeaderNames.AUTHORIZATION, "");
        byte[] presented = auth.startsWith("Bearer ") ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, secret)) {
            audit.append("webhook", "incident webhook", PATH, auth.isEmpty() ? "no Authorization header" : "wrong secret",
                    "UNAUTHENTICATED");
            return HttpReply.error(401, "unauthenticated", "send Authorization: Bearer <the webhook secret>");
        }
        CreateIncidentRequest.Builder request = CreateIncidentRequest.newBuilder();
        try {
            PARSER.merge(new String(body, StandardCharsets.UTF_8), request);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            return HttpReply.error(400, "invalid_argument", "body is not a CreateIncidentRequest in JSON: " + e.getMessage());
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
