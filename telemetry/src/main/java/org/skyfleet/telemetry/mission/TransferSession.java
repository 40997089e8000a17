package org.skyfleet.telemetry.mission;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.command.MissionResult;
import org.skyfleet.fleet.command.MissionType;
import org.skyfleet.fleet.command.TransferOutcome;
import org.skyfleet.fleet.command.TransferStatus;
import org.skyfleet.telemetry.command.VehicleLink;

/**
 * One mission-protocol exchange with one vehicle, on the link's event loop, with its one timer. The subclass
 * sends the opening message and reacts to the vehicle's messages; this class re-sends the last message when the
 * vehicle falls silent ({@code timeout} after an opening, {@code itemTimeout} after an item or item request), at
 * most {@code maxRetries} times in a row, and counts what it did.
 */
abstract class TransferSession {
    static final int AUTOPILOT_COMPONENT = 1;

    final VehicleLink link;
    final String vehicleId;
    final int systemId;
    final MissionType type;
    final CompletableFuture<TransferOutcome> done = new CompletableFuture<>();
    private final EventLoop loop;
    private final TransferConfig config;
    private Runnable onFinish = () -> { };
    private Object lastSent;
    private boolean lastIsOpening;
    private ScheduledFuture<?> timer;
    private int retriesLeft;
    int attempts;
    int retransmissions;
    int toleratedNacks;

    TransferSession(VehicleLink link, TransferConfig config, String vehicleId, int systemId, MissionType type) {
        this.link = link;
        this.loop = link.eventLoop();
        this.config = config;
        this.vehicleId = vehicleId;
        this.systemId = systemId;
        this.type = type;
        this.retriesLeft = config.maxRetries();
    }

    /** Sends the opening message. */
    abstract void start();

    /** A message from the vehicle's autopilot, already checked to be addressed to us. */
    abstract void onPayload(Object payload);

    /** The outcome when the last retry went unanswered. */
    TransferOutcome timedOut() {
        return outcome(TransferStatus.TIMED_OUT, null, List.of(), "no answer after " + config.maxRetries()
                + " retries of " + currentTimeout().toMillis() + " ms");
    }

    final void whenFinished(Runnable action) {
        onFinish = action;
    }

    final boolean finished() {
        return done.isDone();
    }

    /** Sends the message that opens (or re-opens) the transfer. */
    final void sendOpening(Object payload) {
        attempts++;
        send(payload, true);
    }

    /** Sends the next step: the vehicle moved the transfer on, so the retries start again. */
    final void sendStep(Object payload) {
        retriesLeft = config.maxRetries();
        send(payload, false);
    }

    private void send(Object payload, boolean opening) {
        lastSent = payload;
        lastIsOpening = opening;
        if (!link.send(vehicleId, payload)) {
            finish(outcome(TransferStatus.NOT_CONNECTED, null, List.of(), "vehicle " + vehicleId + " left the link"));
            return;
        }
        armTimer();
    }

    /** Sends a last message that expects no answer (the download's final MISSION_ACK). */
    final void sendFinal(Object payload) {
        link.send(vehicleId, payload);
    }

    private void armTimer() {
        cancelTimer();
        timer = loop.schedule(this::onTimeout, currentTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration currentTimeout() {
        return lastIsOpening ? config.timeout() : config.itemTimeout();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void onTimeout() {
        timer = null;
        if (finished()) {
            return;
        }
        if (retriesLeft == 0) {
            finish(timedOut());
            return;
        }
        retriesLeft--;
        retransmissions++;
        if (lastIsOpening) {
            attempts++;
        }
        if (!link.send(vehicleId, lastSent)) {
            finish(outcome(TransferStatus.NOT_CONNECTED, null, List.of(), "vehicle " + vehicleId + " left the link"));
            return;
        }
        armTimer();
    }

    final TransferOutcome outcome(TransferStatus status, MissionResult result, List<MissionItem> items, String detail) {
        return new TransferOutcome(status, result, attempts, retransmissions, toleratedNacks, items, detail);
    }

    final void finish(TransferOutcome outcome) {
        if (finished()) {
            return;
        }
        cancelTimer();
        onFinish.run();
        done.complete(outcome);
    }

    /** Mission messages carry the mission type; one for another plan is a stale answer to another transfer. */
    final boolean ofOurType(io.dronefleet.mavlink.util.EnumValue<?> missionType) {
        return missionType == null ? type == MissionType.MISSION : missionType.value() == MissionWire.typeValue(type);
    }
}
