package org.skyfleet.app.console;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import org.skyfleet.telemetry.fanout.ConflatingSubscription;
import org.skyfleet.telemetry.fanout.UpdateSink;

/**
 * One browser's live feed on its WebSocket: vehicle states from its fan-out subscription and alert
 * changes from the alert log's cursor. Nothing is written while the channel is not writable (Netty's
 * outbound buffer is above its high-water mark): states then conflate to the latest per vehicle in the
 * subscription and alerts wait in the shared log; both resume when the channel drains.
 */
final class LiveSession implements UpdateSink<String> {
    private static final int ALERTS_PER_MESSAGE = 64;

    private final Channel channel;
    private final AlertLog alerts;
    private volatile ConflatingSubscription<String> states;
    private AutoCloseable alertListener;
    private long alertCursor;

    LiveSession(Channel channel, AlertLog alerts) {
        this.channel = channel;
        this.alerts = alerts;
        this.alertCursor = alerts.oldestCursor();
    }

    /** Starts delivery: the state subscription the fan-out made for this sink, and alert changes. */
    void start(ConflatingSubscription<String> subscription) {
        this.states = subscription;
        this.alertListener = alerts.onChange(() -> channel.eventLoop().execute(this::pumpAlerts));
        channel.eventLoop().execute(this::pumpAlerts);
    }

    @Override
    public boolean isReady() {
        return channel.isActive() && channel.isWritable();
    }

    @Override
    public void send(List<String> items, long skipped) {
        StringBuilder b = new StringBuilder(64 + items.size() * 320).append("{\"t\":\"states\",\"skipped\":").append(skipped)
                .append(",\"states\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(items.get(i));
        }
        channel.writeAndFlush(new TextWebSocketFrame(b.append("]}").toString()));
    }

    /** The channel drained below its low-water mark: resume both feeds. */
    void onWritable() {
        ConflatingSubscription<String> s = states;
        if (s != null) {
            s.onReady();
        }
        pumpAlerts();
    }

    /** Sends alert changes after the cursor while the channel takes them. Runs on the channel's event loop. */
    private void pumpAlerts() {
        while (channel.isActive() && channel.isWritable()) {
            AlertLog.Page page = alerts.since(alertCursor, ALERTS_PER_MESSAGE);
            if (page.changes().isEmpty()) {
                return;
            }
            alertCursor = page.next();
            channel.writeAndFlush(new TextWebSocketFrame("{\"t\":\"alerts\",\"missed\":" + page.missed() + ",\"alerts\":["
                    + String.join(",", page.changes()) + "]}"));
        }
    }

    void close() {
        ConflatingSubscription<String> s = states;
        if (s != null) {
            s.close();
        }
        if (alertListener != null) {
            try {
                alertListener.close();
            } catch (Exception e) {
                // removing a listener from a list does not fail
            }
        }
    }
}
