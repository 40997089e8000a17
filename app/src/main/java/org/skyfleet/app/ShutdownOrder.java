package org.skyfleet.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The parts of a running node, closed in the reverse of the order they were opened: what was opened on top
 * of a part is gone before the part is (the links before the cluster that owns their vehicles, everything
 * before the store). A part that fails to close is logged and the rest still close.
 */
final class ShutdownOrder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ShutdownOrder.class.getName());
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** @return {@code part}, to be closed before everything added so far */
    synchronized <T extends AutoCloseable> T add(T part) {
        parts.push(part);
        return part;
    }

    @Override
    public void close() {
        AutoCloseable part;
        while ((part = next()) != null) {
            try {
                part.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.log(Level.WARNING, "closing " + part + " failed; closing the rest", e);
            }
        }
    }

    private synchronized AutoCloseable next() {
        return parts.poll();
    }
}
