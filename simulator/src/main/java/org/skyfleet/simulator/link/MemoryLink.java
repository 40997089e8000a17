package org.skyfleet.simulator.link;

import java.net.SocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A lossless in-memory datagram link between a vehicle and a ground station, for step-driven tests:
 * what one end sends, the other end receives on its next {@link Transport#receive} call.
 */
public final class MemoryLink {
    private final Queue<byte[]> toVehicle = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> toGround = new ConcurrentLinkedQueue<>();
    private final Transport vehicleEnd = new End(toGround, toVehicle);
    private final Transport groundEnd = new End(toVehicle, toGround);

    public Transport vehicleEnd() {
        return vehicleEnd;
    }

    public Transport groundEnd() {
        return groundEnd;
    }

    private record End(Queue<byte[]> out, Queue<byte[]> in) implements Transport {
        @Override
        public void send(byte[] datagram) {
            out.add(datagram.clone());
        }

        @Override
        public void receive(Consumer<byte[]> consumer) {
            byte[] d;
            while ((d = in.poll()) != null) {
                consumer.accept(d);
            }
        }

        @Override
        public SocketAddress localAddress() {
            return null;
        }

        @Override
        public void close() {
            in.clear();
        }
    }
}
