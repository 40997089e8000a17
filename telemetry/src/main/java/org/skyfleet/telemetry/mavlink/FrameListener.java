package org.skyfleet.telemetry.mavlink;

/** Told about every frame a splitter accepts or rejects; used for counting. */
public interface FrameListener {
    void accepted(MavlinkMessageCatalog.MessageType type);

    void rejected(FrameRejection why);

    FrameListener NONE = new FrameListener() {
        @Override
        public void accepted(MavlinkMessageCatalog.MessageType type) {
        }

        @Override
        public void rejected(FrameRejection why) {
        }
    };
}
