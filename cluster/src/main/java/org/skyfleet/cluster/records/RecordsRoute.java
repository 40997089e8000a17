package org.skyfleet.cluster.records;

import org.skyfleet.server.records.RecordsDomain;

/**
 * Where a records call goes now: served here (this node leads), forwarded to the leader, or refused
 * UNAVAILABLE because no leader is known or it is still loading.
 */
public record RecordsRoute(RecordsDomain local, String leaderNode, String leaderTarget, String unavailableReason) {
    public static RecordsRoute here(RecordsDomain domain) {
        return new RecordsRoute(domain, null, null, null);
    }

    public static RecordsRoute to(String leaderNode, String leaderTarget) {
        return new RecordsRoute(null, leaderNode, leaderTarget, null);
    }

    public static RecordsRoute unavailable(String reason) {
        return new RecordsRoute(null, null, null, reason);
    }

    public boolean isLocal() {
        return local != null;
    }

    public boolean isRemote() {
        return leaderTarget != null;
    }
}
