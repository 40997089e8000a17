package org.skyfleet.cluster.leases;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.cluster.bus.BusSubjects;

/**
 * Tells every node of the control-lease changes made through any node: each change made here goes out
 * on core NATS {@code skyfleet.lease.<vehicle>}, and each one heard from another node is taken into this
 * node's leases ({@link ControlLeases#mirror}), so {@code StreamControlChanges} on any node streams every
 * change, and a pilot whose lease was taken over through another node hears of it. At most once, like
 * telemetry: the leases themselves are decided in the shared bucket, which every decision reads.
 */
public final class LeaseChangeFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaseChangeFeed.class.getName());
    public static final String ROOT = "skyfleet.lease";

    private final Connection nats;
    private final Dispatcher dispatcher;
    private final AutoCloseable local;
    /** Set while a change heard from another node is applied, so it is not sent back out. */
    private final ThreadLocal<Boolean> mirroring = ThreadLocal.withInitial(() -> false);

    public LeaseChangeFeed(Connection nats, ControlLeases leases) {
        this.nats = nats;
        this.local = leases.subscribe(c -> {
            if (!mirroring.get()) {
                nats.publish(ROOT + "." + BusSubjects.token(c.vehicleId()), LeaseChangeCodec.encode(c));
            }
        });
        // the connection never hears its own publications (no echo): what arrives is another node's
        this.dispatcher = nats.createDispatcher(m -> {
            try {
                var change = LeaseChangeCodec.decode(m.getData());
                mirroring.set(true);
                try {
                    leases.mirror(change);
                } finally {
                    mirroring.set(false);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "skipping lease change on " + m.getSubject(), e);
            }
        });
        dispatcher.subscribe(ROOT + ".>");
    }

    @Override
    public void close() throws Exception {
        local.close();
        nats.closeDispatcher(dispatcher);
    }
}
