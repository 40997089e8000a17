package org.skyfleet.server.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A server stream of things that change (incidents, tracks, assignments) under gRPC flow control: while
 * the client is slow, only the latest version of each key waits, so memory stays bounded by the number
 * of keys and a slow client is never handed stale versions. Order across keys is kept.
 */
public final class LatestByKeyStream<K, V> {
    private final ServerCallStreamObserver<V> call;
    private final Map<K, V> pending = new LinkedHashMap<>();
    private Runnable onClose = () -> { };
    private boolean closed;

    private LatestByKeyStream(ServerCallStreamObserver<V> call) {
        this.call = call;
    }

    /** Wraps a server stream; {@code onClose} runs once when the client goes or the stream ends. */
    public static <K, V> LatestByKeyStream<K, V> of(StreamObserver<V> observer) {
        LatestByKeyStream<K, V> s = new LatestByKeyStream<>((ServerCallStreamObserver<V>) observer);
        s.call.setOnReadyHandler(s::drain);
        s.call.setOnCancelHandler(s::cancelled);
        return s;
    }

    public LatestByKeyStream<K, V> onClose(Runnable r) {
        this.onClose = r;
        return this;
    }

    /** Queues {@code value} as the latest of {@code key} and sends what flow control allows. */
    public void offer(K key, V value) {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.remove(key); // a newer version goes to the back, after what changed before it
            pending.put(key, value);
        }
        drain();
    }

    /** Drops what waits for keys that no longer matter (a filter changed, a track dropped). */
    public synchronized void discardIf(Predicate<K> unwanted) {
        pending.keySet().removeIf(unwanted);
    }

    public void complete() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        call.onCompleted();
        onClose.run();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void drain() {
        synchronized (this) {
            Iterator<V> it = pending.values().iterator();
            while (!closed && it.hasNext() && call.isReady()) {
                V v = it.next();
                it.remove();
                call.onNext(v);
            }
        }
    }

    private void cancelled() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
        }
        onClose.run();
    }
}
