package org.skyfleet.cluster.relay;

/**
 * Commands for the vehicles a node owns go to {@code skyfleet.cmd.<node id>}: the caller looks the owner
 * up and sends there, so a command reaches the one node that holds the link, never a stale one; mission
 * transfers likewise go to {@code skyfleet.transfer.<node id>}. A refusal
 * is a reply carrying the {@value #REFUSED_HEADER} header with the reason as its body; one the owner's
 * {@link RelayGate} refused also says the gRPC code ({@value #STATUS_HEADER}: UNAUTHENTICATED, PERMISSION_DENIED).
 */
final class RelaySubjects {
    static final String REFUSED_HEADER = "Skyfleet-Refused";
    static final String STATUS_HEADER = "Skyfleet-Status";

    private RelaySubjects() {
    }

    /** A refusal's reply: the header, the gRPC code when there is one, the reason as the body. */
    static io.nats.client.impl.NatsMessage refusal(String replyTo, String code, String why) {
        io.nats.client.impl.Headers h = new io.nats.client.impl.Headers().put(REFUSED_HEADER, "true");
        if (code != null) {
            h.put(STATUS_HEADER, code);
        }
        return io.nats.client.impl.NatsMessage.builder().subject(replyTo).headers(h)
                .data(why.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    static String node(String nodeId) {
        return "skyfleet.cmd." + nodeId;
    }

    /** Mission, fence and rally transfers for the vehicles a node owns. */
    static String transfers(String nodeId) {
        return "skyfleet.transfer." + nodeId;
    }
}
