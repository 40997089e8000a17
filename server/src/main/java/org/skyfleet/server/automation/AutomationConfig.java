package org.skyfleet.server.automation;

import java.time.Duration;
import java.util.List;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.automation.SearchPolicy;
import org.skyfleet.server.automation.SearchProfile;

/**
 * How the server's automation behaves.
 *
 * @param webhookSecret          bearer secret of the call-taking webhook; null disables the webhook
 * @param acknowledgeTimeout     a unit that does not acknowledge an assignment within this is passed over
 * @param searchPolicy           which searches launch by themselves
 * @param searchProfile          how drones fly searches
 * @param roads                  road polylines for patrol cars' ETA; empty: straight line
 * @param turnaround             how a search drone is recharged or given a fresh pack between sorties
 */
public record AutomationConfig(String webhookSecret, Duration acknowledgeTimeout, SearchPolicy searchPolicy,
                               SearchProfile searchProfile, List<List<GeoPoint>> roads, TurnaroundPolicy turnaround) {
    public AutomationConfig {
        roads = roads == null ? List.of() : List.copyOf(roads);
        turnaround = turnaround == null ? TurnaroundPolicy.defaults() : turnaround;
    }

    public AutomationConfig(String webhookSecret, Duration acknowledgeTimeout, SearchPolicy searchPolicy,
                            SearchProfile searchProfile, List<List<GeoPoint>> roads) {
        this(webhookSecret, acknowledgeTimeout, searchPolicy, searchProfile, roads, TurnaroundPolicy.defaults());
    }

    public static AutomationConfig defaults() {
        return new AutomationConfig(null, Duration.ofSeconds(60), SearchPolicy.defaults(), SearchProfile.defaults(), List.of());
    }

    public AutomationConfig withTurnaround(TurnaroundPolicy t) {
        return new AutomationConfig(webhookSecret, acknowledgeTimeout, searchPolicy, searchProfile, roads, t);
    }

    public AutomationConfig withWebhookSecret(String secret) {
        return new AutomationConfig(secret, acknowledgeTimeout, searchPolicy, searchProfile, roads, turnaround);
    }

    public AutomationConfig withAcknowledgeTimeout(Duration t) {
        return new AutomationConfig(webhookSecret, t, searchPolicy, searchProfile, roads, turnaround);
    }

    /** @param r road polylines (at least two points each) patrol cars are sent over; empty: straight line */
    public AutomationConfig withRoads(List<List<GeoPoint>> r) {
        return new AutomationConfig(webhookSecret, acknowledgeTimeout, searchPolicy, searchProfile, r, turnaround);
    }

    public AutomationConfig withSearchPolicy(SearchPolicy p) {
        return new AutomationConfig(webhookSecret, acknowledgeTimeout, p, searchProfile, roads, turnaround);
    }
}
