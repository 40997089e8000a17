package org.skyfleet.cluster.zones;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.geofence.Geofences;

/**
 * Keeps a node's enforced zones in step with the database it shares with other nodes: after each zone
 * write committed here it publishes "{@code <node> <zone>}" on {@value #SUBJECT}, and on hearing another
 * node's notice it reloads its zones from the store. Core NATS delivers at most once, so it also reloads
 * every {@code safetyPeriod} in case a notice was lost.
 */
public final class ZoneNotices implements AutoCloseable {
    public static final String SUBJECT = "skyfleet.zones.changed";
    private static final Logger LOG = Logger.getLogger(ZoneNotices.class.getName());

    private final Connection nats;
    private final String nodeId;
    private final Geofences zones;
    private final ScheduledExecutorService reloads;
    /** A reload is queued and has not started: a burst of notices costs one reload, not one each. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Dispatcher dispatcher;
    private final AutoCloseable writes;

    /**
     * @param reloads runs the reloads (database reads), never the NATS dispatcher thread
     */
    public ZoneNotices(Connection nats, String nodeId, Geofences zones, ScheduledExecutorService reloads, Duration safetyPeriod) {
        this.nats = nats;
        this.nodeId = nodeId;
        this.zones = zones;
        this.reloads = reloads;
        this.dispatcher = nats.createDispatcher(msg -> {
            String from = new String(msg.getData(), StandardCharsets.UTF_8).split(" ", 2)[0];
            if (!from.equals(nodeId)) {
                reloadSoon();
            }
        });
        dispatcher.subscribe(SUBJECT);
        this.writes = zones.onChange(this::announce);
        long periodMs = safetyPeriod.toMillis();
        reloads.scheduleAtFixedRate(this::reloadSoon, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void announce(String zoneId) {
        try {
            nats.publish(SUBJECT, (nodeId + " " + zoneId).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // the change is stored; the others catch up on their next periodic reload
            LOG.log(Level.WARNING, "could not announce the change of zone '" + zoneId + "'", e);
        }
    }

    private void reloadSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                reloads.execute(this::reload);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    private void reload() {
        queued.set(false); // before reading: a notice arriving during the read queues one more
        try {
            if (zones.reload()) {
                LOG.info("zones reloaded from the shared store");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not reload the zones; keeping those enforced until the next try", e);
        }
    }

    @Override
    public void close() {
        try {
            writes.close();
        } catch (Exception e) {
            // removing a listener does not fail
        }
        nats.closeDispatcher(dispatcher);
    }
}
