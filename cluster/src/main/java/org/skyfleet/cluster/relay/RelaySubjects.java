package org.skyfleet.cluster.relay;

/**
 * Commands for the vehicles a node owns go to {@code skyfleet.cmd.<node id>}: the caller looks the owner
 * up and sends there, so a command reaches the one node that holds the link, never a stale one; mission
 * transfers likewise go to {@code skyfleet.transfer.<node id>}. A refusal
 * is a reply carrying the {@value #REFUSED_HEADER} header with the reason as its body.
 */
final class RelaySubjects {
    static final String REFUSED_HEADER = "Skyfleet-Refused";

    private RelaySubjects() {
    }

    static String node(String nodeId) {
        return "skyfleet.cmd." + nodeId;
    }

    /** Mission, fence and rally transfers for the vehicles a node owns. */
    static String transfers(String nodeId) {
        return "skyfleet.transfer." + nodeId;
    }
}
