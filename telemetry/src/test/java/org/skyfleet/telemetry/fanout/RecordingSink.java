package org.skyfleet.telemetry.fanout;

import java.util.ArrayList;
import java.util.List;

/** A sink whose readiness the test controls, recording what it was sent. */
final class RecordingSink implements UpdateSink<String> {
    record Delivery(String item, long skipped) {
    }

    final List<Delivery> received = new ArrayList<>();
    boolean ready = true;

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public void send(String item, long skipped) {
        received.add(new Delivery(item, skipped));
    }

    List<String> items() {
        return received.stream().map(Delivery::item).toList();
    }
}
