package org.skyfleet.video.stream;

import java.util.ArrayDeque;
import java.util.Deque;

/** Frames and bits per second over a sliding window of recent fragments. */
final class RateMeter {
    private record Sample(long atMs, int frames, int bytes) {
    }

    private final long windowMs;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long frames;
    private long bytes;

    RateMeter(long windowMs) {
        this.windowMs = windowMs;
    }

    synchronized void record(long nowMs, int fragmentFrames, int fragmentBytes) {
        samples.addLast(new Sample(nowMs, fragmentFrames, fragmentBytes));
        frames += fragmentFrames;
        bytes += fragmentBytes;
        expire(nowMs);
    }

    synchronized double framesPerS(long nowMs) {
        expire(nowMs);
        return frames * 1000.0 / windowMs;
    }

    synchronized double kbitPerS(long nowMs) {
        expire(nowMs);
        return bytes * 8.0 / windowMs;
    }

    private void expire(long nowMs) {
        while (!samples.isEmpty() && samples.peekFirst().atMs() <= nowMs - windowMs) {
            Sample s = samples.removeFirst();
            frames -= s.frames();
            bytes -= s.bytes();
        }
    }
}
