package org.skyfleet.server.grpc;

import io.grpc.Status;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.Operator.Role;

/** Which roles may do what: PERMISSION_DENIED naming the caller, the action and who may. */
public final class Permissions {
    private Permissions() {
    }

    /** The identified caller, if its role is one of {@code allowed}. */
    public static Operator require(String action, Role... allowed) {
        Operator caller = CallerInterceptor.require();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Arrays.asList(allowed));
        roles.add(Role.ADMIN);
        if (!roles.contains(caller.role())) {
            throw Status.PERMISSION_DENIED.withDescription(caller + " may not " + action + "; allowed: "
                    + roles.stream().map(r -> r.name().toLowerCase().replace('_', '-')).collect(Collectors.joining(", ")))
                    .asRuntimeException();
        }
        return caller;
    }
}
