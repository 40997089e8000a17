package org.skyfleet.simulator.link;

import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.function.Consumer;
import org.skyfleet.simulator.clock.SimClock;

/**
 * A radio link's faults in front of a transport, in simulated time: a link that is down loses
 * everything, each datagram in either direction is lost with {@code lossRate}, and the survivors are
 * delayed by {@code latencyMs} (order is kept). Loss draws from a seeded generator.
 */
public final class LinkFaults implements Transport {
    private record Delayed(long dueMs, byte[] datagram) {
    }

    private final Transport inner;
    private final SimClock clock;
    private final Random random;
    private final Deque<Delayed> outgoing = new ArrayDeque<>();
    private final Deque<Delayed> incoming = new ArrayDeque<>();
    private boolean up = true;
    private double lossRate;
    private long latencyMs;
    private long lost;

    public LinkFaults(Transport inner, SimClock clock, long seed) {
        this.inner = inner;
        this.clock = clock;
        this.random = new Random(seed);
    }

    public void setUp(boolean up) {
        this.up = up;
        if (!up) {
            outgoing.clear();
            incoming.clear();
        }
    }

    public boolean isUp() {
        return up;
    }

    public void setLossRate(double lossRate) {
        if (!(lossRate >= 0 && lossRate <= 1)) {
            throw new IllegalArgumentException("loss rate must be in 0..1, got " + lossRate);
        }
        this.lossRate = lossRate;
    }

    public void setLatencyMs(long latencyMs) {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, got " + latencyMs);
        }
        this.latencyMs = latencyMs;
    }

    /** Datagrams lost to outage or loss so far, both directions. */
    public long lost() {
        return lost;
    }

    private boolean survives() {
        if (!up || (lossRate > 0 && random.nextDouble() < lossRate)) {
            lost++;
            return false;
        }
        return true;
    }

    @Override
    public void send(byte[] datagram) {
        if (!survives()) {
            return;
        }
        if (latencyMs == 0 && outgoing.isEmpty()) {
            inner.send(datagram);
        } else {
            outgoing.add(new Delayed(clock.nowMs() + latencyMs, datagram));
        }
    }

    /** Sends the delayed datagrams whose time has come. */
    public void flush() {
        long now = clock.nowMs();
        while (!outgoing.isEmpty() && outgoing.peekFirst().dueMs() <= now) {
            inner.send(outgoing.pollFirst().datagram());
        }
    }

    @Override
    public void receive(Consumer<byte[]> consumer) {
        long now = clock.nowMs();
        inner.receive(d -> {
            if (survives()) {
                incoming.add(new Delayed(now + latencyMs, d));
            }
        });
        while (!incoming.isEmpty() && incoming.peekFirst().dueMs() <= now) {
            consumer.accept(incoming.pollFirst().datagram());
        }
    }

    @Override
    public SocketAddress localAddress() {
        return inner.localAddress();
    }

    @Override
    public void close() {
        inner.close();
    }
}
