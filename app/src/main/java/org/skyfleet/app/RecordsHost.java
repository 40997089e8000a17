package org.skyfleet.app;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Optional;
import org.skyfleet.app.console.AlertLog;
import org.skyfleet.server.http.HttpReply;
import org.skyfleet.server.records.RecordsDomain;

/**
 * Where a node's incidents, sightings, tracks and assignments are served from: its own records, or those of
 * the node that leads them. Made by the {@link Topology} before gRPC starts (it adds the record services),
 * started once gRPC serves and the console listens.
 */
interface RecordsHost extends AutoCloseable {
    /**
     * Starts following the records: track changes reach the console's {@code alerts}.
     *
     * @param grpcHost where this node serves gRPC (the other nodes reach it there, should it lead the records)
     */
    void start(String grpcHost, int grpcPort, AlertLog alerts);

    /**
     * The call-taking webhook (configured only with a shared secret), answered by the records wherever they are;
     * the delivery was let in by the node's {@link org.skyfleet.server.incident.WebhookGuard} before it gets here.
     */
    HttpReply webhook(HttpHeaders headers, byte[] body);

    /** The records as this node serves them: always on a node of its own; in a cluster while it leads them. */
    Optional<RecordsDomain> local();

    @Override
    void close();
}
