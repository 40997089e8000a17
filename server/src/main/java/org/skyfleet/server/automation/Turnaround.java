package org.skyfleet.server.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.battery.BatteryPacks;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.dock.DockBook;
import org.skyfleet.fleet.dock.DockState;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.server.aircraft.BatterySwapRequests.SwapTicket;

/**
 * Turns search drones round between sorties, on the automation thread: a drone back from a search is recharged on its
 * dock or given a fresh pack, then freed for the next allocation. Once a second it looks at each such drone:
 * <ul>
 *   <li>On a dock that charges it: the charge is noted on the incident's timeline when it starts, the drone is held
 *       back until it reports {@link TurnaroundPolicy#relaunchPercent} (or its dock stops charging), and the end
 *       of the charge is noted and counted as one cycle of the pack fitted in it.</li>
 *   <li>A swap (asked for by an operator, {@link #requestSwap}, or seen as its dock's "swapping"): the drone is held
 *       back until the vehicle itself reports at least {@link TurnaroundPolicy#freshPercent}; only then is the swap
 *       done, the pack named at the request recorded as fitted in it, and the swap noted. A swap not confirmed
 *       within {@link TurnaroundPolicy#swapTimeout} is given up and noted.</li>
 * </ul>
 * Each drone freed this way is handed to {@code freed} with the search it came back from, which allocates it at once
 * over the map as searched. The state is in memory: after a restart, a landed drone is simply free once charged.
 */
final class Turnaround {
    private record Swap(Operator by, String packId, double fromPercent, Instant at, boolean byDock) {
    }

    private record Charge(Instant at, double fromPercent) {
    }

    private final VehicleRegistry registry;
    private final DockBook docks;
    private final BatteryPacks batteries;
    private final IncidentBook incidents;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final TurnaroundPolicy policy;
    private final Operator operator;
    private final Consumer<String> freed;
    /** Vehicle to the incident whose search it last came back from. */
    private final Map<String, String> cameBackFrom = new HashMap<>();
    private final Map<String, Instant> landedAt = new HashMap<>();
    private final Map<String, Swap> swaps = new HashMap<>();
    private final Map<String, Charge> charges = new HashMap<>();
    /** Vehicle to how many sorties it has flown for each incident, to tell a relaunch from a first launch. */
    private final Map<String, Integer> sorties = new HashMap<>();

    /**
     * @param batteries the pack records, or null where the node keeps none (packs are then not recorded)
     * @param freed     called with the incident id when one of its drones is ready again
     */
    Turnaround(VehicleRegistry registry, DockBook docks, BatteryPacks batteries, IncidentBook incidents, AuditJournal audit,
               InstantSource clock, TurnaroundPolicy policy, Operator operator, Consumer<String> freed) {
        this.registry = registry;
        this.docks = docks;
        this.batteries = batteries;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.operator = operator;
        this.freed = freed;
    }

    /** A drone of {@code incidentId}'s search is back on the ground. */
    void landed(String incidentId, String vehicleId) {
        cameBackFrom.put(vehicleId, incidentId);
        landedAt.put(vehicleId, clock.instant());
    }

    /** A drone took off on a search: its turnaround is over. Returns its sortie number for the incident (1 for the first). */
    int launched(String incidentId, String vehicleId) {
        cameBackFrom.remove(vehicleId);
        landedAt.remove(vehicleId);
        charges.remove(vehicleId);
        swaps.remove(vehicleId);
        return sorties.merge(incidentId + "/" + vehicleId, 1, Integer::sum);
    }

    /**
     * The vehicles not to be sent now: a swap under way; charging on a dock below the relaunch charge; or just landed
     * on a dock that has not yet had {@link DockBook#SILENT_AFTER} to say whether it charges or swaps (the landing and
     * the dock's next heartbeat are a second apart, and a re-plan in between would arm a drone on a working pad).
     */
    Set<String> heldBack() {
        Instant now = clock.instant();
        Set<String> out = new HashSet<>(swaps.keySet());
        for (String v : cameBackFrom.keySet()) {
            if (percent(v) >= policy.relaunchPercent() || docks.find(v).isEmpty()) {
                continue;
            }
            DockState dock = docks.live(v, now).orElse(null);
            boolean settling = now.isBefore(landedAt.getOrDefault(v, Instant.MIN).plus(DockBook.SILENT_AFTER));
            if (charges.containsKey(v) || settling || dock != null && dock.occupied() && (dock.charging() || dock.swapping())) {
                out.add(v);
            }
        }
        return out;
    }

    /** See {@link org.skyfleet.server.aircraft.BatterySwapRequests#requestSwap}. */
    SwapTicket requestSwap(Operator by, String vehicleId, String packId, String reason) {
        if (vehicleId == null || vehicleId.isBlank()) {
            throw new IllegalArgumentException("vehicle_id is required");
        }
        VehicleState v = registry.find(vehicleId).orElseThrow(() -> new NoSuchElementException("no vehicle " + vehicleId));
        if (v.status().armed() || org.skyfleet.fleet.airframe.ConsumptionLearner.airborne(v)) {
            throw new IllegalStateException(vehicleId + " is armed or in the air: land and disarm it before its pack is swapped");
        }
        if (swaps.containsKey(vehicleId)) {
            throw new IllegalStateException(vehicleId + " has a swap under way since " + swaps.get(vehicleId).at());
        }
        if (!packId.isEmpty() && batteries != null && batteries.find(packId).isEmpty()) {
            throw new NoSuchElementException("no battery pack " + packId + " in the records: register it first");
        }
        double from = percent(vehicleId);
        if (from >= policy.freshPercent()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s reports %.0f %% already: a swap would not show in its charge (fresh is %.0f %%)", vehicleId, from,
                    policy.freshPercent()));
        }
        Instant now = clock.instant();
        swaps.put(vehicleId, new Swap(by, packId, from, now, false));
        charges.remove(vehicleId);
        String incident = cameBackFrom.getOrDefault(vehicleId, "");
        audit.append(by.toString(), "battery swap", vehicleId, String.format(Locale.ROOT, "%.0f %% reported; pack %s; %s", from,
                packId.isEmpty() ? "not named" : packId, reason == null ? "" : reason.strip()), "REQUESTED");
        note(incident, vehicleId, "DRONE_BATTERY_SWAP_REQUESTED", String.format(Locale.ROOT,
                "%s: battery swap by %s (%.0f %% reported); it flies again once it reports a fresh charge", vehicleId, by.subject(), from),
                "vehicle", vehicleId, "by", by.subject(), "battery_percent", whole(from), "pack", packId);
        return new SwapTicket(vehicleId, from, policy.freshPercent(), now.plus(policy.swapTimeout()), incident);
    }

    /** Once a second: charges started and ended, swaps confirmed or given up. */
    void check() {
        Instant now = clock.instant();
        for (String vehicleId : List.copyOf(swaps.keySet())) {
            checkSwap(vehicleId, swaps.get(vehicleId), now);
        }
        for (String vehicleId : List.copyOf(cameBackFrom.keySet())) {
            if (swaps.containsKey(vehicleId)) {
                continue;
            }
            DockState dock = docks.live(vehicleId, now).orElse(null);
            if (dock != null && dock.swapping()) {
                swaps.put(vehicleId, new Swap(operator, "", percent(vehicleId), now, true));
                charges.remove(vehicleId);
                note(cameBackFrom.get(vehicleId), vehicleId, "DRONE_BATTERY_SWAP_STARTED", vehicleId + ": its dock is swapping its pack",
                        "vehicle", vehicleId, "battery_percent", whole(percent(vehicleId)));
                continue;
            }
            checkCharge(vehicleId, dock, now);
        }
    }

    private void checkSwap(String vehicleId, Swap s, Instant now) {
        String incident = cameBackFrom.getOrDefault(vehicleId, "");
        double p = percent(vehicleId);
        if (p >= policy.freshPercent()) {
            swaps.remove(vehicleId);
            String pack = s.packId();
            if (!pack.isEmpty() && batteries != null) {
                try {
                    batteries.install(pack, vehicleId, s.by());
                } catch (RuntimeException e) {
                    note(incident, vehicleId, "NOTE_VEHICLE", vehicleId + " pack " + pack + " not recorded: " + e.getMessage(),
                            "vehicle", vehicleId, "text", "pack " + pack + " not recorded: " + e.getMessage());
                }
            } else if (batteries != null) {
                pack = batteries.packIn(vehicleId).map(b -> b.packId()).orElse("");
            }
            long seconds = Duration.between(s.at(), now).toSeconds();
            audit.append(s.by().toString(), "battery swap", vehicleId, String.format(Locale.ROOT, "%.0f %% -> %.0f %% in %d s; pack %s",
                    s.fromPercent(), p, seconds, pack.isEmpty() ? "not named" : pack), "CONFIRMED");
            note(incident, vehicleId, "DRONE_BATTERY_SWAPPED", String.format(Locale.ROOT,
                    "%s battery swapped (%s): %.0f %% -> %.0f %% in %d s, pack %s", vehicleId, s.byDock() ? "dock" : s.by().subject(),
                    s.fromPercent(), p, seconds, pack.isEmpty() ? "not named" : pack),
                    "vehicle", vehicleId, "by", s.byDock() ? "dock" : s.by().subject(), "from_percent", whole(s.fromPercent()),
                    "to_percent", whole(p), "seconds", seconds, "pack", pack);
            free(incident);
        } else if (!now.isBefore(s.at().plus(policy.swapTimeout()))) {
            swaps.remove(vehicleId);
            audit.append(s.by().toString(), "battery swap", vehicleId, String.format(Locale.ROOT, "not confirmed: %.0f %% reported",
                    p), "GIVEN_UP");
            note(incident, vehicleId, "DRONE_BATTERY_SWAP_UNCONFIRMED", String.format(Locale.ROOT,
                    "%s battery swap not confirmed within %d min: it reports %.0f %%", vehicleId, policy.swapTimeout().toMinutes(), p),
                    "vehicle", vehicleId, "minutes", policy.swapTimeout().toMinutes(), "battery_percent", whole(p));
            free(incident);
        }
    }

    private void checkCharge(String vehicleId, DockState dock, Instant now) {
        String incident = cameBackFrom.get(vehicleId);
        double p = percent(vehicleId);
        Charge c = charges.get(vehicleId);
        if (c == null) {
            if (dock != null && dock.occupied() && dock.charging() && p < policy.relaunchPercent()) {
                charges.put(vehicleId, new Charge(now, p));
                note(incident, vehicleId, "DRONE_CHARGING", String.format(Locale.ROOT,
                        "%s charging on its dock from %.0f %% (full in about %d min)", vehicleId, p, Math.round(dock.secondsToFull() / 60.0)),
                        "vehicle", vehicleId, "battery_percent", whole(p), "minutes_to_full", Math.round(dock.secondsToFull() / 60.0));
            }
            return;
        }
        boolean stopped = dock == null || !dock.occupied() || !dock.charging();
        if (p >= policy.relaunchPercent() || stopped) {
            charges.remove(vehicleId);
            long minutes = Math.round(Duration.between(c.at(), now).toSeconds() / 60.0);
            if (batteries != null) {
                batteries.packIn(vehicleId).ifPresent(pack -> batteries.recordCharge(pack.packId(), operator));
            }
            note(incident, vehicleId, "DRONE_CHARGED", String.format(Locale.ROOT, "%s charged on its dock: %.0f %% -> %.0f %% in %d min",
                    vehicleId, c.fromPercent(), p, minutes),
                    "vehicle", vehicleId, "from_percent", whole(c.fromPercent()), "to_percent", whole(p), "minutes", minutes);
            free(incident);
        }
    }

    private void free(String incidentId) {
        if (!incidentId.isEmpty()) {
            freed.accept(incidentId);
        }
    }

    private double percent(String vehicleId) {
        VehicleState v = registry.find(vehicleId).orElse(null);
        return v == null || v.battery() == null || Double.isNaN(v.battery().remainingPercent()) ? 0 : v.battery().remainingPercent();
    }

    private void note(String incidentId, String vehicleId, String code, String text, Object... params) {
        if (incidentId == null || incidentId.isEmpty() || incidents.find(incidentId).isEmpty()) {
            return;
        }
        incidents.record(incidentId, TimelineEntry.of(clock.instant(), TimelineKind.NOTE, operator.subject(), text)
                .withVehicle(vehicleId).withCode(code).withParams(params));
    }

    private static String whole(double percent) {
        return String.format(Locale.ROOT, "%.0f", percent);
    }
}
