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

    final List<Integer> batchSizes = new ArrayList<>();

    /** Records each item of a batch; the batch's skipped count goes with its first item. */
    @Override
    public void send(List<String> items, long skipped) {
        batchSizes.add(items.size());
        for (int i = 0; i < items.size(); i++) {
            received.add(new Delivery(items.get(i), i == 0 ? skipped : 0));
        }
    }

    List<String> items() {
        return received.stream().map(Delivery::item).toList();
    }
}
