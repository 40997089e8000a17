package org.skyfleet.telemetry.fanout;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An update and its encoding, computed on first use by whichever subscriber's drain needs it first
 * and then shared by all. An update conflated away before anyone sends it is never encoded, and the
 * ingest thread that publishes it never pays for encoding.
 */
final class EncodedOnce<D, T> implements Supplier<T> {
    private final D item;
    private Function<D, T> encoder;
    private volatile T encoded;

    EncodedOnce(D item, Function<D, T> encoder) {
        this.item = item;
        this.encoder = encoder;
    }

    @Override
    public T get() {
        T e = encoded;
        if (e == null) {
            synchronized (this) {
                e = encoded;
                if (e == null) {
                    e = encoder.apply(item);
                    encoded = e;
                    encoder = null;
                }
            }
        }
        return e;
    }
}
