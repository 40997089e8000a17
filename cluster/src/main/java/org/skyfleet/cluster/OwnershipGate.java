package org.skyfleet.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.cluster.LinkOwner;
import org.skyfleet.fleet.cluster.LinkOwnership;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.telemetry.link.LinkGate;

/**
 * Decides on the link's thread, from memory, whether a vehicle's frames are this node's to ingest, and
 * does the ownership I/O elsewhere. The first frame of a vehicle nobody here has judged starts a claim
 * (its frames are refused until it succeeds: a few milliseconds of one vehicle); a vehicle owned
 * elsewhere is asked about again at most every {@code recheck}, and at once when its owner's lease runs
 * out, but only while its frames keep arriving here. Renewal keeps what this node still hears and lets go
 * of what it does not (its link here is lost), so a node that still hears the vehicle can take it.
 */
public final class OwnershipGate implements LinkGate {
    private static final Logger LOG = Logger.getLogger(OwnershipGate.class.getName());

    private enum Held { MINE, CLAIMING, ELSEWHERE }

    private record Verdict(Held held, Instant recheckAt) {
    }

    private static final Verdict MINE = new Verdict(Held.MINE, Instant.MAX);
    private static final Verdict CLAIMING = new Verdict(Held.CLAIMING, Instant.MAX);

    private final LinkOwnership ownership;
    private final Executor io;
    private final InstantSource clock;
    private final Duration recheck;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final List<Consumer<String>> wonListeners = new CopyOnWriteArrayList<>();
    private final Counter won;
    private final Counter lost;
    private final Counter failed;
    private final Counter givenUp;

    public OwnershipGate(LinkOwnership ownership, Executor io, InstantSource clock, Duration recheck, MeterRegistry meters) {
        this.ownership = ownership;
        this.io = io;
        this.clock = clock;
        this.recheck = recheck;
        this.won = Counter.builder("skyfleet.cluster.claims").tag("outcome", "won").register(meters);
        this.lost = Counter.builder("skyfleet.cluster.claims").tag("outcome", "owned_elsewhere").register(meters);
        this.failed = Counter.builder("skyfleet.cluster.claims").tag("outcome", "error").register(meters);
        this.givenUp = Counter.builder("skyfleet.cluster.links.given.up").register(meters);
        Gauge.builder("skyfleet.cluster.owned.vehicles", verdicts, v -> v.values().stream().filter(x -> x.held() == Held.MINE).count())
                .register(meters);
    }

    /** Tells {@code listener} of each vehicle whose link this node wins, on the claiming thread (not a link thread). */
    public void onWon(Consumer<String> listener) {
        wonListeners.add(listener);
    }

    @Override
    public boolean admit(String vehicleId) {
        Verdict v = verdicts.get(vehicleId);
        if (v != null && (v.held() != Held.ELSEWHERE || clock.instant().isBefore(v.recheckAt()))) {
            return v.held() == Held.MINE;
        }
        boolean mineToStart = v == null ? verdicts.putIfAbsent(vehicleId, CLAIMING) == null : verdicts.replace(vehicleId, v, CLAIMING);
        if (mineToStart) {
            io.execute(() -> claim(vehicleId));
        }
        return false;
    }

    @Override
    public boolean holds(String vehicleId) {
        return verdicts.get(vehicleId) == MINE && ownership.ownsLocally(vehicleId);
    }

    private void claim(String vehicleId) {
        Instant now = clock.instant();
        try {
            LinkOwner owner = ownership.claim(vehicleId);
            if (owner.nodeId().equals(ownership.nodeId())) {
                verdicts.put(vehicleId, MINE);
                won.increment();
                for (Consumer<String> l : wonListeners) {
                    try {
                        l.accept(vehicleId);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a listener failed on winning " + vehicleId, e);
                    }
                }
            } else {
                Instant retry = now.plus(recheck);
                verdicts.put(vehicleId, new Verdict(Held.ELSEWHERE, owner.expiresAt().isBefore(retry) ? owner.expiresAt() : retry));
                lost.increment();
            }
        } catch (RuntimeException e) {
            verdicts.put(vehicleId, new Verdict(Held.ELSEWHERE, now.plus(recheck)));
            failed.increment();
            LOG.log(Level.WARNING, "claim of " + vehicleId + " failed; retrying while it is heard", e);
        }
    }

    /**
     * Lets go of the vehicles whose link here is lost and renews the rest; called every third of the lease,
     * off the link threads.
     */
    public void renew(VehicleRegistry registry) {
        Instant now = clock.instant();
        for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
            if (e.getValue() == MINE && registry.find(e.getKey()).map(s -> s.status().linkState() == LinkState.LOST).orElse(false)) {
                ownership.release(e.getKey());
                verdicts.put(e.getKey(), new Verdict(Held.ELSEWHERE, now));
                givenUp.increment();
            }
        }
        Set<String> takenOver = ownership.renewAll();
        for (String vehicleId : takenOver) {
            verdicts.put(vehicleId, new Verdict(Held.ELSEWHERE, now.plus(recheck)));
            givenUp.increment();
        }
    }

    /** Frees every link this node holds (clean shutdown), so the other nodes take them at once. */
    public void releaseAll() {
        verdicts.clear();
        ownership.releaseAll();
    }
}
