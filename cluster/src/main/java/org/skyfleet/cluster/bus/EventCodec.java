package org.skyfleet.cluster.bus;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.server.grpc.ProtoMapper;

/** A vehicle event on the bus is the API's {@code skyfleet.v1.VehicleEvent}; decoding inverts the API mapper. */
final class EventCodec {
    private EventCodec() {
    }

    static byte[] encode(VehicleEvent e) {
        return ProtoMapper.toProto(e).toByteArray();
    }

    static VehicleEvent decode(byte[] bytes) throws InvalidProtocolBufferException {
        org.skyfleet.proto.v1.VehicleEvent p = org.skyfleet.proto.v1.VehicleEvent.parseFrom(bytes);
        // the API numbers both enums from 1 in the domain's order; 0 is UNSPECIFIED
        int type = p.getTypeValue() - 1;
        int severity = p.getSeverityValue() - 1;
        if (p.getVehicleId().isEmpty() || type < 0 || type >= EventType.values().length
                || severity < 0 || severity >= EventSeverity.values().length) {
            throw new InvalidProtocolBufferException("vehicle event without a vehicle id, a known type or a severity");
        }
        return new VehicleEvent(p.getVehicleId(), EventType.values()[type], EventSeverity.values()[severity], p.getMessage(),
                Instant.ofEpochSecond(p.getTime().getSeconds(), p.getTime().getNanos()), p.getSequence(), p.getParamsMap());
    }
}
