package org.skyfleet.telemetry.mavlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.serialization.payload.reflection.ReflectionPayloadDeserializer;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The hand-written decoders must agree with dronefleet's general one, byte for byte of input. */
class HotPayloadDecoderTest {
    private static final int[] HOT = {0, 1, 24, 30, 33, 74};
    private static final int[] FULL_LENGTH = {9, 43, 52, 28, 28, 20};
    private final ReflectionPayloadDeserializer reference = new ReflectionPayloadDeserializer();

    @Property(tries = 600)
    void decodesExactlyAsTheReflectionDeserializer(@ForAll @IntRange(min = 0, max = 5) int which,
                                                   @ForAll @Size(min = 60, max = 60) byte[] random,
                                                   @ForAll @IntRange(min = 1, max = 60) int length) {
        int id = HOT[which];
        // Any length up to the full one: shorter is a MAVLink 2 payload with trailing zeros trimmed.
        byte[] payload = Arrays.copyOf(random, Math.min(length, FULL_LENGTH[which]));
        Class<?> type = MavlinkMessageCatalog.standard().byId(id).payloadClass();

        assertThat(HotPayloadDecoder.decode(id, payload)).isEqualTo(reference.deserialize(payload, type));
    }
}
