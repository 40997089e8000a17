package org.skyfleet.app.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.auth.TokenAuthority;

/**
 * The tokens of one demo run: one per role to print for people, and one per simulated officer and
 * edge computer, each naming its own unit or vehicle, so the demo's server can require tokens like
 * any other.
 */
final class DemoTokens {
    static final Duration LIFETIME = Duration.ofHours(12);

    private final TokenAuthority authority;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    DemoTokens(TokenAuthority authority) {
        this.authority = authority;
    }

    String forRole(Role role) {
        return issued.computeIfAbsent("role:" + role, k -> authority.issue("demo-" + role.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), role, LIFETIME));
    }

    String officer(String unitId) {
        return issued.computeIfAbsent("officer:" + unitId, k -> authority.issue(unitId, Role.OFFICER, LIFETIME));
    }

    String vehicleEdge(String vehicleId) {
        return issued.computeIfAbsent("edge:" + vehicleId, k -> authority.issue(vehicleId, Role.VEHICLE_EDGE, LIFETIME));
    }
}
