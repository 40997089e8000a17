package org.skyfleet.telemetry.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.skyfleet.telemetry.mavlink.MavlinkFrame;
import org.skyfleet.telemetry.mavlink.MavlinkSignature;

/**
 * The pipeline stage between the frame decoder and the link's logic that enforces MAVLink 2 signing. A
 * frame from a system id with a key passes only if it is signed, its signature matches under that key and
 * its timestamp is strictly greater than the last accepted one of its stream, a stream being the
 * (system id, component id, link id) triple the specification names. Anything else is dropped and counted
 * ({@code unsigned}, {@code bad_signature}, {@code replayed}) before the logic sees it, so it can neither
 * change a vehicle's state, nor bind or re-bind its address, nor answer a command. Frames from system
 * ids without a key pass untouched after one array read.
 *
 * <p>Only correctly signed frames create a stream entry, so the table is bounded by what key holders send.
 * A new stream's first timestamp must be no more than one minute behind this ground station's clock, as
 * the specification suggests: the table starts empty after a restart, and without the window a frame
 * recorded before it could be replayed once per stream. Link thread only.
 */
final class SignatureCheck extends ChannelInboundHandlerAdapter {

    enum Verdict { ACCEPTED, UNSIGNED, BAD_SIGNATURE, REPLAYED }

    private final SigningKeys keys;
    private final IngestMetrics metrics;
    private final MavlinkSignature signature = new MavlinkSignature();
    /** One minute in signing-timestamp units of 10 µs. */
    static final long NEW_STREAM_WINDOW = 60 * 100_000L;

    private final Map<Integer, Long> lastTimestampByStream = new HashMap<>();
    private final InstantSource clock;

    SignatureCheck(SigningKeys keys, IngestMetrics metrics, InstantSource clock) {
        this.keys = keys;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MavlinkFrame frame) {
            Verdict v = check(frame);
            if (v != Verdict.ACCEPTED) {
                metrics.frameIgnored(switch (v) {
                    case UNSIGNED -> IngestMetrics.FrameIgnored.UNSIGNED;
                    case BAD_SIGNATURE -> IngestMetrics.FrameIgnored.BAD_SIGNATURE;
                    default -> IngestMetrics.FrameIgnored.REPLAYED;
                });
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    Verdict check(MavlinkFrame frame) {
        byte[] key = keys.keyFor(frame.systemId());
        if (key == null) {
            return Verdict.ACCEPTED;
        }
        if (!frame.signed()) {
            return Verdict.UNSIGNED;
        }
        byte[] raw = frame.rawFrame();
        if (!signature.matches(raw, key)) {
            return Verdict.BAD_SIGNATURE;
        }
        int stream = frame.systemId() << 16 | frame.componentId() << 8 | MavlinkSignature.linkId(raw);
        long timestamp = MavlinkSignature.timestamp(raw);
        Long last = lastTimestampByStream.get(stream);
        if (last != null ? timestamp <= last
                : timestamp < MavlinkSignature.timestampOf(clock.instant()) - NEW_STREAM_WINDOW) {
            return Verdict.REPLAYED;
        }
        lastTimestampByStream.put(stream, timestamp);
        return Verdict.ACCEPTED;
    }
}
