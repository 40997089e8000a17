package org.skyfleet.cluster.bus;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens a node's connection to NATS, set up so the broker never slows the node: its own publications
 * are not echoed back (local listeners already had them), a full outgoing buffer discards (counted)
 * rather than blocking the ingest thread, and it reconnects for ever.
 */
public final class NatsConnect {
    private static final Logger LOG = Logger.getLogger(NatsConnect.class.getName());

    private NatsConnect() {
    }

    public static Connection open(String url, String nodeId, BusMetrics metrics) throws IOException, InterruptedException {
        return open(url, nodeId, metrics, BusAuth.none());
    }

    /**
     * As above, authenticating and protecting the connection as {@code auth} says.
     *
     * @throws IllegalArgumentException when a credentials, nkey or trust store file is missing or not what it should be
     */
    public static Connection open(String url, String nodeId, BusMetrics metrics, BusAuth auth)
            throws IOException, InterruptedException {
        Options.Builder builder = Options.builder()
                .server(url)
                .connectionName("skyfleet-" + nodeId)
                .noEcho()
                .maxReconnects(-1)
                .connectionTimeout(Duration.ofSeconds(3))
                .discardMessagesWhenOutgoingQueueFull()
                .errorListener(new ErrorListener() {
                    @Override
                    public void slowConsumerDetected(Connection conn, io.nats.client.Consumer consumer) {
                        metrics.slowConsumer.increment();
                    }

                    @Override
                    public void messageDiscarded(Connection conn, Message message) {
                        metrics.outgoingDiscarded.increment();
                    }

                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        LOG.warning("NATS: " + error);
                    }

                    @Override
                    public void exceptionOccurred(Connection conn, Exception exp) {
                        LOG.log(Level.FINE, "NATS", exp);
                    }
                });
        auth.applyTo(builder);
        return Nats.connect(builder.build());
    }
}
