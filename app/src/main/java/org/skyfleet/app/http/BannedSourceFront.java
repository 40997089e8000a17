package org.skyfleet.app.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import java.util.function.Consumer;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.SourceAddress;
import org.skyfleet.server.auth.SourceBans;

/**
 * The HTTP endpoint's share of {@link SourceBans}: a connection from a banned source is closed as its pipeline
 * is built, before a byte of TLS or HTTP is read; any other is remembered, so that a ban closes it too, and
 * gets the front handlers it would have had. Console sign-ins refused for a bad token count towards a ban like
 * gRPC calls do, so one address cannot try tokens on one port after it was turned away on the other.
 */
public final class BannedSourceFront {
    private BannedSourceFront() {
    }

    /** {@code next}, preceded by the ban check; {@code refusals} must have been built with bans. */
    public static Consumer<ChannelPipeline> before(Consumer<ChannelPipeline> next, RefusalTally refusals) {
        SourceBans bans = refusals.bans();
        return pipeline -> {
            Channel channel = pipeline.channel();
            String source = SourceAddress.of(channel.remoteAddress());
            Runnable forget = bans.admit(source, channel::close);
            if (forget == null) {
                refusals.record(source, "anonymous", "BANNED", "HTTP connection closed on arrival: its source is banned");
                return;
            }
            channel.closeFuture().addListener(f -> forget.run());
            next.accept(pipeline);
        };
    }
}
