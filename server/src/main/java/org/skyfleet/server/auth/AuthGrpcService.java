package org.skyfleet.server.auth;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.InstantSource;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.store.TokenRevocation;
import org.skyfleet.proto.v1.AuthServiceGrpc;
import org.skyfleet.proto.v1.ListRevokedTokensRequest;
import org.skyfleet.proto.v1.ListRevokedTokensResponse;
import org.skyfleet.proto.v1.RevokeTokenRequest;
import org.skyfleet.proto.v1.RevokeTokenResponse;
import org.skyfleet.proto.v1.RevokedToken;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.ProtoMapper;

/** {@code skyfleet.v1.AuthService}: revokes tokens by id (audited) and lists the revocations. Admins only (RpcRoles). */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {
    static final int MAX_ID = 64;
    static final int MAX_REASON = 500;

    private final RevokedTokens revoked;
    private final AuditJournal audit;
    private final InstantSource clock;

    public AuthGrpcService(RevokedTokens revoked, AuditJournal audit, InstantSource clock) {
        this.revoked = revoked;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void revokeToken(RevokeTokenRequest request, StreamObserver<RevokeTokenResponse> observer) {
        Operator caller = CallerInterceptor.require();
        String id = request.getTokenId().strip();
        String reason = request.getReason().strip();
        if (id.isEmpty() || id.length() > MAX_ID) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("token_id: 1.." + MAX_ID
                    + " characters, as 'skyfleet token create' printed it").asRuntimeException());
            return;
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            observer.onError(Status.INVALID_ARGUMENT.withDescription("reason: 1.." + MAX_REASON
                    + " characters, for the audit journal (e.g. 'laptop stolen')").asRuntimeException());
            return;
        }
        RevokedTokens.Outcome o = revoked.revoke(new TokenRevocation(id, reason, caller.toString(), clock.instant()));
        audit.append(caller.toString(), "revoke token", "", "token " + id + ": " + reason,
                o.alreadyRevoked() ? "ALREADY_REVOKED" : "REVOKED");
        observer.onNext(RevokeTokenResponse.newBuilder().setRevocation(toProto(o.revocation()))
                .setAlreadyRevoked(o.alreadyRevoked()).build());
        observer.onCompleted();
    }

    @Override
    public void listRevokedTokens(ListRevokedTokensRequest request, StreamObserver<ListRevokedTokensResponse> observer) {
        ListRevokedTokensResponse.Builder b = ListRevokedTokensResponse.newBuilder();
        revoked.all().forEach(r -> b.addRevocations(toProto(r)));
        observer.onNext(b.build());
        observer.onCompleted();
    }

    private static RevokedToken toProto(TokenRevocation r) {
        return RevokedToken.newBuilder().setTokenId(r.tokenId()).setReason(r.reason()).setRevokedBy(r.revokedBy())
                .setRevokedAt(ProtoMapper.timestamp(r.revokedAt())).build();
    }
}
