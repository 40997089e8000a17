package org.skyfleet.app;

import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.skyfleet.app.console.AlertLog;
import org.skyfleet.cluster.ClusterNode;
import org.skyfleet.cluster.records.LeaderChannels;
import org.skyfleet.cluster.records.RecordsLeadership;
import org.skyfleet.cluster.records.RecordsRoute;
import org.skyfleet.cluster.records.RoutedRecordServices;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.IncidentResponse;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.server.auth.MutualTls;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.http.HttpReply;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.server.records.RecordsDomain;

/**
 * The records of a cluster node: one node at a time leads them (elected over NATS) and opens them from the
 * shared store; every node's record services forward each call to the leader, or serve it while leading.
 */
final class LeaderRecords implements RecordsHost {
    private final ClusterNode cluster;
    private final RecordsContext context;
    private final LeaderChannels leaderChannels;
    private final TokenAuthority tokens;
    /** The webhook as a node that does not lead the records serves it: the leader makes the incident. */
    private final IncidentWebhook forwardedWebhook;
    private volatile RecordsLeadership leadership;

    private LeaderRecords(ClusterNode cluster, RecordsContext context, MutualTls tls, TokenAuthority tokens) {
        this.cluster = cluster;
        this.context = context;
        this.leaderChannels = new LeaderChannels(tls);
        this.tokens = tokens;
        this.forwardedWebhook = context.automation().webhookSecret() == null ? null : new IncidentWebhook(this::createAtLeader);
    }

    /** Adds the record services to {@code grpc}, each call routed to the records wherever they are led. */
    static LeaderRecords route(ClusterNode cluster, RecordsContext context, ServerBuilder<?> grpc, MutualTls tls,
                               TokenAuthority tokens, MeterRegistry meters) {
        LeaderRecords records = new LeaderRecords(cluster, context, tls, tokens);
        RoutedRecordServices routed = new RoutedRecordServices(records::route, records.leaderChannels::get, cluster.nodeId(), meters);
        for (io.grpc.ServiceDescriptor s : List.of(IncidentServiceGrpc.getServiceDescriptor(),
                SightingServiceGrpc.getServiceDescriptor(), DispatchServiceGrpc.getServiceDescriptor(),
                org.skyfleet.proto.v1.DockServiceGrpc.getServiceDescriptor(),
                org.skyfleet.proto.v1.ResponseServiceGrpc.getServiceDescriptor())) {
            grpc.addService(routed.routed(s));
        }
        return records;
    }

    @Override
    public void start(String grpcHost, int grpcPort, AlertLog alerts) {
        leadership = cluster.leadRecords(advertised(grpcHost, grpcPort), context.store(), guardedStore -> {
            RecordsDomain opened = RecordsDomain.open(context.withStore(guardedStore));
            opened.tracks().subscribe(alerts::onTrack, snapshot -> { });
            ResponseAlerts.raiseIn(opened.firstResponse(), alerts);
            return opened;
        });
        // the leader's console hears its own fusion directly; the others hear it over the bus
        cluster.followTracks(u -> {
            if (local().isEmpty()) {
                alerts.onTrack(u);
            }
        });
    }

    private RecordsRoute route() {
        RecordsLeadership l = leadership;
        return l == null ? RecordsRoute.unavailable("node " + cluster.nodeId() + " is starting; retry shortly") : l.route();
    }

    @Override
    public HttpReply webhook(HttpHeaders headers, byte[] body) {
        RecordsRoute route = route();
        if (route.isLocal()) {
            return route.local().webhook().orElseThrow().handle(headers, body);
        }
        return forwardedWebhook.handle(headers, body);
    }

    /**
     * An incident the webhook took on a node that does not lead the records, made by the leader: called as the
     * webhook's own caller, with a token this node issues for a minute (every node holds the token key), or by
     * name where named callers are trusted.
     */
    private IncidentResponse createAtLeader(CreateIncidentRequest request) {
        RecordsRoute route = route();
        if (!route.isRemote()) {
            throw Status.UNAVAILABLE.withDescription(route.isLocal() ? "the records moved here while the call came in; retry"
                    : route.unavailableReason()).asRuntimeException();
        }
        Metadata caller = tokens == null ? CallerInterceptor.headers("webhook", "automation")
                : CallerInterceptor.bearer(tokens.issue("webhook", Operator.Role.AUTOMATION, Duration.ofMinutes(1)));
        return IncidentServiceGrpc.newBlockingStub(leaderChannels.get(route.leaderTarget()))
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(caller))
                .withDeadlineAfter(10, TimeUnit.SECONDS).createIncident(request);
    }

    private String advertised(String grpcHost, int grpcPort) {
        if (cluster.config().advertisedGrpc() != null) {
            return cluster.config().advertisedGrpc();
        }
        String host = grpcHost;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("cannot name this host for the other nodes; set the advertised gRPC address", e);
            }
        }
        return host + ":" + grpcPort;
    }

    @Override
    public Optional<RecordsDomain> local() {
        RecordsLeadership l = leadership;
        return l == null || !l.route().isLocal() ? Optional.empty() : Optional.of(l.route().local());
    }

    /** The leadership itself is given up with the node (before its links are released); here only the channels. */
    @Override
    public void close() {
        leaderChannels.close();
    }
}
