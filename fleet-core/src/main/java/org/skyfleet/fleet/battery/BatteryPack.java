package org.skyfleet.fleet.battery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One battery pack.
 *
 * @param packId             its serial (as SMART_BATTERY_INFO reports it) or a label, 1..64 of [A-Za-z0-9._-]
 * @param model              maker and model, free text (may be empty)
 * @param ratedCapacityMah   capacity when new, mAh, above 0
 * @param fullCapacityMah    capacity it holds now when full, mAh; 0 when never measured
 * @param cycleCount         charge cycles so far, 0 or more
 * @param cycleLimit         cycles after which it is grounded, above 0
 * @param fadeLimitPercent   capacity lost (100 - full/rated, percent) after which it is grounded, 1..99
 * @param lastChargedAt      when it was last charged; null if never recorded
 * @param vehicleId          the aircraft it is in, empty when none
 * @param installedAt        since when; null when in none
 * @param clearance          an admin's clearance of a breach of its limits; null when none
 */
public record BatteryPack(String packId, String model, double ratedCapacityMah, double fullCapacityMah, int cycleCount,
                          int cycleLimit, double fadeLimitPercent, Instant lastChargedAt, String vehicleId, Instant installedAt,
                          Clearance clearance) {
    /** Cycles past those cleared after which a cleared pack is grounded again. */
    public static final int CLEARED_CYCLES_MARGIN = 10;
    /** Fade past that cleared, percent, after which a cleared pack is grounded again. */
    public static final double CLEARED_FADE_MARGIN_PERCENT = 2;

    /**
     * An admin let the pack fly past its limits as it stood then.
     *
     * @param by            "subject (role)"
     * @param at            when
     * @param cycleCount    its cycles then
     * @param fadePercent   its fade then
     */
    public record Clearance(String by, Instant at, int cycleCount, double fadePercent) {
    }

    public BatteryPack {
        model = model == null ? "" : model.strip();
        vehicleId = vehicleId == null ? "" : vehicleId;
    }

    /** Capacity lost since new, percent; 0 when never measured. */
    public double fadePercent() {
        return fullCapacityMah > 0 ? Math.max(0, 100 * (1 - fullCapacityMah / ratedCapacityMah)) : 0;
    }

    /** Why the pack may not fly, or empty: its cycle or fade limit passed and not cleared. */
    public Optional<String> grounding() {
        List<String> why = new ArrayList<>();
        boolean cleared = clearance != null && cycleCount <= clearance.cycleCount() + CLEARED_CYCLES_MARGIN
                && fadePercent() <= clearance.fadePercent() + CLEARED_FADE_MARGIN_PERCENT;
        if (cleared) {
            return Optional.empty();
        }
        if (cycleCount > cycleLimit) {
            why.add(cycleCount + " cycles, past its limit of " + cycleLimit);
        }
        if (fadePercent() > fadeLimitPercent) {
            why.add(String.format(Locale.ROOT, "holds %.0f of its rated %.0f mAh (%.0f %% fade, past the %.0f %% limit)",
                    fullCapacityMah, ratedCapacityMah, fadePercent(), fadeLimitPercent));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of("battery pack " + packId + ": " + String.join("; ", why)
                + "; an admin must clear it (ClearBatteryPack) or it must be replaced");
    }

    /** Every impossible figure, a sentence each. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (packId == null || !packId.matches("[A-Za-z0-9._-]{1,64}")) {
            out.add("pack id '" + packId + "' must be 1..64 letters, digits, '.', '_' or '-'");
        }
        if (!(ratedCapacityMah > 0 && ratedCapacityMah <= 1_000_000)) {
            out.add("rated capacity " + ratedCapacityMah + " mAh must be above 0 and at most 1000000");
        }
        if (!(fullCapacityMah >= 0 && fullCapacityMah <= 1_000_000)) {
            out.add("full capacity " + fullCapacityMah + " mAh must be 0 (not measured) or above, at most 1000000");
        }
        if (cycleCount < 0) {
            out.add("cycle count " + cycleCount + " must be 0 or more");
        }
        if (cycleLimit <= 0) {
            out.add("cycle limit " + cycleLimit + " must be above 0");
        }
        if (!(fadeLimitPercent >= 1 && fadeLimitPercent <= 99)) {
            out.add("fade limit " + fadeLimitPercent + " % must be 1..99");
        }
        if (model.length() > 200) {
            out.add("model is at most 200 characters");
        }
        return out;
    }

    /** @throws IllegalArgumentException listing every impossible figure */
    public BatteryPack validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("battery pack '" + packId + "': " + String.join("; ", p));
        }
        return this;
    }

    public BatteryPack withVehicle(String vehicle, Instant at) {
        return new BatteryPack(packId, model, ratedCapacityMah, fullCapacityMah, cycleCount, cycleLimit, fadeLimitPercent,
                lastChargedAt, vehicle, vehicle.isEmpty() ? null : at, clearance);
    }

    public BatteryPack withHealth(int cycles, double fullMah) {
        return new BatteryPack(packId, model, ratedCapacityMah, fullMah, cycles, cycleLimit, fadeLimitPercent, lastChargedAt,
                vehicleId, installedAt, clearance);
    }

    public BatteryPack withCharged(Instant at) {
        return new BatteryPack(packId, model, ratedCapacityMah, fullCapacityMah, cycleCount, cycleLimit, fadeLimitPercent, at,
                vehicleId, installedAt, clearance);
    }

    public BatteryPack withClearance(Clearance c) {
        return new BatteryPack(packId, model, ratedCapacityMah, fullCapacityMah, cycleCount, cycleLimit, fadeLimitPercent,
                lastChargedAt, vehicleId, installedAt, c);
    }
}
