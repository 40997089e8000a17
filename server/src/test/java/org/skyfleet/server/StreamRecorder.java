package org.skyfleet.server;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records a server stream. In manual mode it asks for one message and then nothing until
 * {@link #release()}, so the server sees a reader that has stopped reading.
 */
public final class StreamRecorder<Req, T> implements ClientResponseObserver<Req, T> {
    public final List<T> received = new CopyOnWriteArrayList<>();
    public volatile Throwable error;
    private final boolean manual;
    private volatile ClientCallStreamObserver<Req> call;

    public StreamRecorder(boolean manual) {
        this.manual = manual;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Req> requestStream) {
        this.call = requestStream;
        if (manual) {
            requestStream.disableAutoRequestWithInitial(1);
        }
    }

    @Override
    public void onNext(T value) {
        received.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
    }

    public void release() {
        call.request(Integer.MAX_VALUE);
    }

    public void cancel() {
        call.cancel("test done", null);
    }
}
