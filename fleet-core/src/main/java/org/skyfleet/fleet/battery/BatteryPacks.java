package org.skyfleet.fleet.battery;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;

/**
 * The unit's battery packs, kept in the store and read from memory (every arm and launch asks
 * {@link #refusal}). A vehicle holds one main pack: fitting a pack (by an operator at a swap, or because the
 * vehicle reported its serial) takes it out of wherever it was. A pack past its cycle or fade limit grounds
 * the aircraft it is in until an admin clears it; a pack reported by two vehicles at once grounds both until
 * one of them stops reporting it. Changes are serialised on this object and journaled.
 */
public final class BatteryPacks implements Grounding {
    /** Limits given to a pack first met in a vehicle's report: a LiPo's usual service life. */
    public static final int DEFAULT_CYCLE_LIMIT = 300;
    public static final double DEFAULT_FADE_LIMIT_PERCENT = 20;
    /** Two vehicles reporting one serial within this time report it "at once". */
    static final Duration AT_ONCE = Duration.ofSeconds(30);

    private record Report(String vehicleId, Instant at) {
    }

    private final BatteryStore store;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Map<String, BatteryPack> packs = new ConcurrentHashMap<>();
    /** The last vehicle that reported each serial, and when. */
    private final Map<String, Report> lastReport = new ConcurrentHashMap<>();
    /** Serial to the sentence naming the two vehicles that reported it at once. */
    private final Map<String, String> conflicts = new ConcurrentHashMap<>();

    public BatteryPacks(BatteryStore store, AuditJournal audit, InstantSource clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        store.list().forEach(p -> packs.put(p.packId(), p));
    }

    /**
     * Adds a pack to the records.
     *
     * @throws IllegalArgumentException listing every impossible figure
     * @throws IllegalStateException if the id is taken
     */
    public synchronized BatteryPack register(BatteryPack pack, Operator by) {
        pack.validated();
        if (packs.containsKey(pack.packId())) {
            throw new IllegalStateException("battery pack '" + pack.packId() + "' already exists");
        }
        BatteryPack stored = pack.withVehicle("", clock.instant()).withClearance(null);
        save(stored);
        audit.append(by.toString(), "battery register", "", describe(stored), "REGISTERED");
        return stored;
    }

    /**
     * Fits a pack in a vehicle at a swap (empty vehicle: taken out); the vehicle's previous pack is taken out.
     *
     * @throws NoSuchElementException for an unknown pack
     * @throws IllegalStateException  when another vehicle is reporting the pack now
     */
    public synchronized BatteryPack install(String packId, String vehicleId, Operator by) {
        BatteryPack pack = require(packId);
        String target = vehicleId == null ? "" : vehicleId.strip();
        Report r = lastReport.get(packId);
        Instant now = clock.instant();
        if (!target.isEmpty() && r != null && !r.vehicleId().equals(target) && !now.isAfter(r.at().plus(AT_ONCE))) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "battery pack %s is in %s, which reported it %d s ago: it cannot be fitted in %s too; take it out of %s first",
                    packId, r.vehicleId(), Duration.between(r.at(), now).toSeconds(), target, r.vehicleId()));
        }
        BatteryPack fitted = fit(pack, target, now);
        audit.append(by.toString(), target.isEmpty() ? "battery remove" : "battery install", target.isEmpty() ? pack.vehicleId() : target,
                packId, target.isEmpty() ? "REMOVED" : "INSTALLED");
        return fitted;
    }

    /** Records a charge: its time, and one more cycle. */
    public synchronized BatteryPack recordCharge(String packId, Operator by) {
        BatteryPack pack = require(packId);
        BatteryPack charged = pack.withCharged(clock.instant()).withHealth(pack.cycleCount() + 1, pack.fullCapacityMah());
        save(charged);
        audit.append(by.toString(), "battery charge", charged.vehicleId(), packId + ": cycle " + charged.cycleCount(), "CHARGED");
        return charged;
    }

    /**
     * An admin lets a pack past its limits fly, as it stands now (it is grounded again should it age further).
     *
     * @throws IllegalStateException if it is not grounded
     */
    public synchronized BatteryPack clear(String packId, Operator by) {
        BatteryPack pack = require(packId);
        String why = pack.grounding().orElseThrow(() -> new IllegalStateException("battery pack " + packId
                + " is within its limits: there is nothing to clear"));
        BatteryPack cleared = pack.withClearance(new BatteryPack.Clearance(by.toString(), clock.instant(), pack.cycleCount(),
                pack.fadePercent()));
        save(cleared);
        audit.append(by.toString(), "battery clear", pack.vehicleId(), why, "CLEARED");
        return cleared;
    }

    /**
     * What a vehicle's SMART_BATTERY_INFO said: the pack with that serial is fitted in it (first met: added with
     * the default limits), its cycles and full capacity taken. Reported by another vehicle within
     * {@link #AT_ONCE}: not taken; both vehicles are grounded while it lasts, and it is journaled once.
     */
    public synchronized void reported(String vehicleId, String serial, int cycleCount, double fullCapacityMah, double ratedCapacityMah) {
        if (serial == null || !serial.matches("[A-Za-z0-9._-]{1,64}")) {
            return; // a pack that does not say its serial is fitted by an operator
        }
        Instant now = clock.instant();
        Report previous = lastReport.get(serial);
        if (previous != null && !previous.vehicleId().equals(vehicleId) && !now.isAfter(previous.at().plus(AT_ONCE))) {
            String conflict = "battery pack " + serial + " is reported by " + previous.vehicleId() + " and " + vehicleId
                    + " at once: the same serial cannot be in two aircraft; check both";
            if (conflicts.put(serial, conflict) == null) {
                audit.append("system", "battery report conflict", vehicleId, conflict, "REFUSED");
            }
            return;
        }
        lastReport.put(serial, new Report(vehicleId, now));
        conflicts.remove(serial);
        BatteryPack pack = packs.get(serial);
        if (pack == null) {
            double rated = ratedCapacityMah > 0 ? ratedCapacityMah : fullCapacityMah;
            if (!(rated > 0)) {
                return;
            }
            pack = new BatteryPack(serial, "", rated, Math.max(0, fullCapacityMah), Math.max(0, cycleCount), DEFAULT_CYCLE_LIMIT,
                    DEFAULT_FADE_LIMIT_PERCENT, null, "", null, null);
            audit.append("system", "battery register", vehicleId, describe(pack) + " (first reported by " + vehicleId + ")", "REGISTERED");
        }
        BatteryPack updated = cycleCount >= 0 && fullCapacityMah > 0 ? pack.withHealth(Math.max(pack.cycleCount(), cycleCount), fullCapacityMah)
                : pack;
        if (!updated.vehicleId().equals(vehicleId)) {
            fit(updated, vehicleId, now);
            audit.append("system", "battery install", vehicleId, serial + " (reported by the vehicle)", "INSTALLED");
        } else if (!updated.equals(packs.get(serial))) {
            save(updated);
        }
    }

    @Override
    public Optional<String> refusal(String vehicleId) {
        for (Map.Entry<String, String> c : conflicts.entrySet()) {
            Report r = lastReport.get(c.getKey());
            if (c.getValue().contains(" " + vehicleId + " ") || c.getValue().contains(" " + vehicleId + ":")
                    || r != null && r.vehicleId().equals(vehicleId)) {
                if (r != null && clock.instant().isAfter(r.at().plus(AT_ONCE))) {
                    continue; // one of them stopped reporting it
                }
                return Optional.of(c.getValue());
            }
        }
        return packIn(vehicleId).flatMap(BatteryPack::grounding);
    }

    /** The pack fitted in the vehicle, if one is recorded. */
    public Optional<BatteryPack> packIn(String vehicleId) {
        return packs.values().stream().filter(p -> p.vehicleId().equals(vehicleId)).findFirst();
    }

    public Optional<BatteryPack> find(String packId) {
        return Optional.ofNullable(packs.get(packId));
    }

    /** Every pack, in id order. */
    public List<BatteryPack> list() {
        return packs.values().stream().sorted(Comparator.comparing(BatteryPack::packId)).toList();
    }

    /** The conflict a pack is in now, if any. */
    public Optional<String> conflict(String packId) {
        return Optional.ofNullable(conflicts.get(packId));
    }

    private BatteryPack fit(BatteryPack pack, String vehicleId, Instant now) {
        if (!vehicleId.isEmpty()) {
            packIn(vehicleId).filter(p -> !p.packId().equals(pack.packId())).ifPresent(old -> save(old.withVehicle("", now)));
        }
        BatteryPack fitted = pack.withVehicle(vehicleId, now);
        save(fitted);
        return fitted;
    }

    private void save(BatteryPack pack) {
        store.save(pack);
        packs.put(pack.packId(), pack);
    }

    private BatteryPack require(String packId) {
        BatteryPack p = packs.get(packId == null ? "" : packId);
        if (p == null) {
            throw new NoSuchElementException("battery pack '" + packId + "' does not exist");
        }
        return p;
    }

    private static String describe(BatteryPack p) {
        return String.format(Locale.ROOT, "%s: %.0f mAh rated, %d cycles (limit %d), fade %.0f %% (limit %.0f %%)", p.packId(),
                p.ratedCapacityMah(), p.cycleCount(), p.cycleLimit(), p.fadePercent(), p.fadeLimitPercent());
    }
}
