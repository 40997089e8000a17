package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.MavlinkDialect;
import io.dronefleet.mavlink.annotations.MavlinkMessageInfo;
import io.dronefleet.mavlink.ardupilotmega.ArdupilotmegaDialect;
import io.dronefleet.mavlink.common.CommonDialect;
import io.dronefleet.mavlink.minimal.MinimalDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Message id to payload class and CRC_EXTRA for the dialects SkyFleet speaks (minimal, common,
 * ardupilotmega). Built once; lookups are a map read on the ingest path.
 */
public final class MavlinkMessageCatalog {

    /** A message type the catalog knows. */
    public record MessageType(int id, Class<?> payloadClass, int crcExtra, String name) {
    }

    private static final MavlinkMessageCatalog STANDARD = new MavlinkMessageCatalog(
            List.of(new MinimalDialect(), new CommonDialect(), new ArdupilotmegaDialect()));

    private final Map<Integer, MessageType> byId = new HashMap<>();
    private final Map<Class<?>, MessageType> byClass = new HashMap<>();

    MavlinkMessageCatalog(List<MavlinkDialect> dialects) {
        for (MavlinkDialect dialect : dialects) {
            for (Class<?> type : dialect.messageTypes()) {
                MavlinkMessageInfo info = type.getAnnotation(MavlinkMessageInfo.class);
                if (info == null || byId.containsKey(info.id())) {
                    continue;
                }
                MessageType mt = new MessageType(info.id(), type, info.crc(), screamingName(type.getSimpleName()));
                byId.put(info.id(), mt);
                byClass.put(type, mt);
            }
        }
    }

    public static MavlinkMessageCatalog standard() {
        return STANDARD;
    }

    /** The type with this message id, or null if no dialect here defines it. */
    public MessageType byId(int messageId) {
        return byId.get(messageId);
    }

    /** The type of this payload class. */
    public MessageType byClass(Class<?> payloadClass) {
        MessageType mt = byClass.get(payloadClass);
        if (mt == null) {
            throw new IllegalArgumentException("not a MAVLink message class: " + payloadClass.getName());
        }
        return mt;
    }

    /** GlobalPositionInt -> GLOBAL_POSITION_INT, as the message is named in the XML definitions. */
    static String screamingName(String simpleName) {
        StringBuilder sb = new StringBuilder(simpleName.length() + 8);
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
