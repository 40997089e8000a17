package org.skyfleet.telemetry.ais;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lines in, messages out: parses each sentence, reassembles fragments, decodes, and hands every message to
 * the sink. A bad line is counted and dropped; nothing thrown reaches the caller. One reader per reading
 * thread (it holds that thread's fragments).
 */
public final class AisSentenceReader {
    /** Messages waiting for fragments per reader: a receiver interleaves a handful at most. */
    static final int MAX_PENDING_MESSAGES = 1024;
    /** Fragments of one message are sent in the same slot or the next few: seconds apart at the very most. */
    static final Duration MAX_FRAGMENT_AGE = Duration.ofSeconds(10);

    private final AisFragments fragments;
    private final AisIngestMetrics metrics;
    private final InstantSource clock;
    private final Consumer<AisMessage> sink;

    public AisSentenceReader(AisIngestMetrics metrics, InstantSource clock, Consumer<AisMessage> sink) {
        this.metrics = metrics;
        this.clock = clock;
        this.sink = sink;
        this.fragments = new AisFragments(MAX_PENDING_MESSAGES, MAX_FRAGMENT_AGE, metrics::abandoned);
    }

    /** Reads one line from {@code source} (a peer address, or a feed's name). */
    public void read(Object source, CharSequence line) {
        if (line.isEmpty() || line.chars().allMatch(Character::isWhitespace)) {
            return; // blank lines between sentences are not sentences
        }
        metrics.sentence();
        List<AisMessage> decoded;
        try {
            NmeaSentence sentence = NmeaSentence.parse(line);
            SixBitPayload payload = fragments.accept(source, sentence, clock.instant());
            if (payload == null) {
                metrics.accepted();
                return;
            }
            decoded = AisDecoder.decode(payload);
        } catch (AisFormatException e) {
            metrics.dropped(e.reason());
            return;
        }
        metrics.accepted();
        metrics.message(decoded.get(0).messageType());
        for (AisMessage m : decoded) {
            sink.accept(m);
        }
    }

    /** Counts a line the transport had to cut off (no line end within its limit) as a malformed sentence. */
    public void overlongLine() {
        metrics.sentence();
        metrics.dropped(AisFormatException.Reason.MALFORMED);
    }

    /** Messages waiting for fragments. */
    public int pendingFragments() {
        return fragments.pendingCount();
    }
}
