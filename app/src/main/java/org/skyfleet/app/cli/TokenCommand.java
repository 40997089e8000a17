package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.proto.v1.AuthServiceGrpc;
import org.skyfleet.proto.v1.RevokeTokenRequest;
import org.skyfleet.proto.v1.RevokeTokenResponse;
import org.skyfleet.server.auth.TokenAuthority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skyfleet token create}: a bearer token signed with the key in SKYFLEET_TOKEN_KEY, its id on stderr;
 * {@code skyfleet token revoke ID}: withdraws one on the server (as an admin).
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue and revoke bearer tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: skyfleet token create --role ROLE --subject NAME [--ttl-h HOURS]");
        System.err.println("       skyfleet token revoke TOKEN_ID --reason TEXT [--target HOST:PORT]");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a token for a subject and role, signed with the hex key in SKYFLEET_TOKEN_KEY; its id "
                    + "(for 'skyfleet token revoke') goes to stderr.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true,
                description = "pilot, commander, dispatcher, officer, automation, vehicle-edge or admin")
        String role;

        @Option(names = "--subject", required = true, description = "who: an account, a unit id, a vehicle id")
        String subject;

        @Option(names = "--ttl-h", defaultValue = "12", description = "hours the token is valid (default: ${DEFAULT-VALUE})")
        long ttlH;

        @Option(names = "--token-max-ttl", defaultValue = "12h", paramLabel = "DURATION",
                description = "the servers' --token-max-ttl: a longer --ttl-h is refused here rather than by them "
                        + "(default: ${DEFAULT-VALUE})")
        String maxTtl;

        @Override
        public Integer call() {
            String key = System.getenv("SKYFLEET_TOKEN_KEY");
            if (key == null) {
                System.err.println("set SKYFLEET_TOKEN_KEY to the server's token key (64 hex digits; e.g. openssl rand -hex 32)");
                return 2;
            }
            try {
                Operator.Role r = Operator.Role.valueOf(role.toUpperCase(Locale.ROOT).replace('-', '_'));
                TokenAuthority tokens = TokenAuthority.fromHex(key, InstantSource.system())
                        .withMaxTtl(TokenLifetimes.parse(maxTtl, "--token-max-ttl"));
                String token = tokens.issue(subject, r, java.time.Duration.ofHours(ttlH));
                System.out.println(token);
                System.err.println("token id " + TokenAuthority.idOf(token).orElseThrow()
                        + " (revoke with: skyfleet token revoke " + TokenAuthority.idOf(token).orElseThrow() + " --reason ...)");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token by its id on the server: every node refuses it from then on. Needs an admin's "
                    + "token in SKYFLEET_TOKEN.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "TOKEN_ID", description = "the id 'skyfleet token create' printed")
        String tokenId;

        @Option(names = "--reason", required = true, description = "why, for the audit journal, e.g. 'laptop stolen'")
        String reason;

        @Option(names = "--target", defaultValue = "127.0.0.1:50051", description = "server host:port (default: ${DEFAULT-VALUE})")
        String target;

        @Override
        public Integer call() {
            ManagedChannel channel = GrpcTarget.open(target);
            try {
                RevokeTokenResponse r = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                        .revokeToken(RevokeTokenRequest.newBuilder().setTokenId(tokenId).setReason(reason).build());
                System.out.println((r.getAlreadyRevoked() ? "already revoked " : "revoked ") + r.getRevocation().getTokenId()
                        + " by " + r.getRevocation().getRevokedBy() + ": " + r.getRevocation().getReason());
                return 0;
            } catch (StatusRuntimeException e) {
                System.err.println("not revoked: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                return 1;
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
