package org.skyfleet.server.audit;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;

/**
 * Journals the link claims this node's links make and drop ({@code LINK_CLAIMED}, {@code LINK_CLAIM_WITHDRAWN}),
 * as the link: who confirmed one is journaled by the RPC that did. Events arrive on the link's thread; the
 * journal writes to the store, so they are appended from {@code writer}.
 */
public final class LinkClaimAudit implements AutoCloseable {
    private final AutoCloseable subscription;

    public LinkClaimAudit(FleetBus localBus, AuditJournal audit, Executor writer) {
        this.subscription = localBus.subscribeEvents(e -> {
            if (e.type() == EventType.LINK_CLAIMED || e.type() == EventType.LINK_CLAIM_WITHDRAWN) {
                try {
                    writer.execute(() -> append(audit, e));
                } catch (RejectedExecutionException shuttingDown) {
                    // the server is closing: nothing more is journaled
                }
            }
        });
    }

    private static void append(AuditJournal audit, VehicleEvent e) {
        boolean claimed = e.type() == EventType.LINK_CLAIMED;
        audit.append("mavlink-link", claimed ? "link claim" : "link claim withdrawn", e.vehicleId(), e.message(),
                claimed ? "PENDING" : "WITHDRAWN");
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
