package org.skyfleet.app.cli;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.server.auth.TokenAuthority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skyfleet token create}: a bearer token signed with the key in SKYFLEET_TOKEN_KEY. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue bearer tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: skyfleet token create --role ROLE --subject NAME [--ttl-h HOURS]");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a token for a subject and role, signed with the hex key in SKYFLEET_TOKEN_KEY.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--role", required = true,
                description = "pilot, commander, dispatcher, officer, automation, vehicle-edge or admin")
        String role;

        @Option(names = "--subject", required = true, description = "who: an account, a unit id, a vehicle id")
        String subject;

        @Option(names = "--ttl-h", defaultValue = "12", description = "hours the token is valid (default: ${DEFAULT-VALUE})")
        long ttlH;

        @Override
        public Integer call() {
            String key = System.getenv("SKYFLEET_TOKEN_KEY");
            if (key == null) {
                System.err.println("set SKYFLEET_TOKEN_KEY to the server's token key (64 hex digits; e.g. openssl rand -hex 32)");
                return 2;
            }
            try {
                Operator.Role r = Operator.Role.valueOf(role.toUpperCase(Locale.ROOT).replace('-', '_'));
                System.out.println(TokenAuthority.fromHex(key, InstantSource.system()).issue(subject, r, Duration.ofHours(ttlH)));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }
}
