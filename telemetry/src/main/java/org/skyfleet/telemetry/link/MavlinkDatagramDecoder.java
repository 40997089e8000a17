package org.skyfleet.telemetry.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.function.LongSupplier;
import org.skyfleet.telemetry.mavlink.MavlinkFrameSplitter;

/**
 * First stage of a link's pipeline: datagram in, zero or more checked {@code MavlinkFrame}s out.
 * Oversize datagrams and datagrams over their source's rate budget are dropped before any decoding.
 * Never throws for bad input and never closes the channel.
 */
final class MavlinkDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {
    private final MavlinkFrameSplitter splitter;
    private final IngestMetrics metrics;
    private final PeerRateLimiter rateLimiter;
    private final LongSupplier nanoClock;
    private final int maxDatagramBytes;

    MavlinkDatagramDecoder(MavlinkFrameSplitter splitter, IngestMetrics metrics, LinkConfig config, LongSupplier nanoClock) {
        this.splitter = splitter;
        this.metrics = metrics;
        this.rateLimiter = new PeerRateLimiter(config.peerDatagramsPerSecond(), config.peerBurstDatagrams());
        this.nanoClock = nanoClock;
        this.maxDatagramBytes = config.maxDatagramBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        metrics.datagramIn();
        if (packet.content().readableBytes() > maxDatagramBytes) {
            metrics.datagramDropped(IngestMetrics.DatagramDrop.OVERSIZE);
            return;
        }
        if (!rateLimiter.tryAcquire(packet.sender(), nanoClock.getAsLong())) {
            metrics.datagramDropped(IngestMetrics.DatagramDrop.RATE_LIMITED);
            return;
        }
        int before = out.size();
        splitter.split(packet.content(), packet.sender(), out, metrics);
        if (out.size() > before) {
            metrics.datagramAccepted();
        } else {
            metrics.datagramDropped(IngestMetrics.DatagramDrop.NO_VALID_FRAME);
        }
    }
}
