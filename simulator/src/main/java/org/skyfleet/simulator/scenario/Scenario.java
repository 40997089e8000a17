package org.skyfleet.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated run, as a JSON scenario file describes it (see simulator/README.md for an example).
 *
 * @param name            short identifier
 * @param description     what the scenario exercises
 * @param seed            seed of every random draw (paths, wind, GPS noise, loss, detections)
 * @param durationS       how long the run lasts in simulated seconds; 0 until stopped
 * @param timeScale       simulated seconds per wall second when run in real time (1 = real time)
 * @param home            the area's reference point and default home
 * @param homeAltAmslM    home altitude above mean sea level, metres
 * @param area            the operating area's outline, for the ground station's planning (may be empty)
 * @param night           darkness: visual cameras see little
 * @param canopyCover     fraction 0..1 of the ground hidden under trees
 * @param wind            mean wind and gusts
 * @param failsafe        failsafe levels and actions for every vehicle
 * @param vehicles        the fleet, system ids 1.. in this order
 * @param targets         the people in the area
 * @param faults          link and GPS faults, by time
 * @param detectionLog    file the sighting reports are written to (JSON lines), or null for none
 * @param units           police ground units (officers, cars, boats) with their dispatch apps; optional
 */
public record Scenario(String name, String description, long seed, double durationS, double timeScale,
                       GeoPoint home, double homeAltAmslM, List<GeoPoint> area, boolean night, double canopyCover,
                       WindSpec wind, FailsafeSpec failsafe, List<ScenarioVehicle> vehicles, List<TargetSpec> targets,
                       List<FaultSpec> faults, String detectionLog, List<UnitSpec> units) {

    public Scenario {
        Objects.requireNonNull(name, "scenario name");
        Objects.requireNonNull(home, "scenario home");
        if (!(durationS >= 0)) {
            throw new IllegalArgumentException("durationS must be >= 0");
        }
        timeScale = timeScale == 0 ? 1 : timeScale;
        if (!(timeScale > 0 && timeScale <= 100)) {
            throw new IllegalArgumentException("timeScale must be in (0, 100], got " + timeScale);
        }
        if (!(canopyCover >= 0 && canopyCover <= 1)) {
            throw new IllegalArgumentException("canopyCover must be 0..1, got " + canopyCover);
        }
        area = area == null ? List.of() : List.copyOf(area);
        wind = wind == null ? new WindSpec(0, 0, 0) : wind;
        failsafe = failsafe == null ? new FailsafeSpec(null, null, null, null) : failsafe;
        vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
        targets = targets == null ? List.of() : List.copyOf(targets);
        faults = faults == null ? List.of() : List.copyOf(faults);
        units = units == null ? List.of() : List.copyOf(units);
        if (vehicles.isEmpty() || vehicles.size() > 254) {
            throw new IllegalArgumentException("a scenario needs 1..254 vehicles, got " + vehicles.size());
        }
        Set<String> names = new HashSet<>();
        for (ScenarioVehicle v : vehicles) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two vehicles are named " + v.name());
            }
        }
        for (FaultSpec f : faults) {
            if (!names.contains(f.vehicle())) {
                throw new IllegalArgumentException("fault for unknown vehicle " + f.vehicle());
            }
        }
        Set<String> unitIds = new HashSet<>();
        for (UnitSpec u : units) {
            if (!unitIds.add(u.id())) {
                throw new IllegalArgumentException("two units are called " + u.id());
            }
        }
    }

    /** Reads a scenario file; unknown fields are errors, so a typo does not pass silently. */
    public static Scenario load(Path file) {
        try {
            return mapper().readValue(file.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    public static Scenario parse(String json) {
        try {
            return mapper().readValue(json, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse scenario: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Scenario withTimeScale(double scale) {
        return new Scenario(name, description, seed, durationS, scale, home, homeAltAmslM, area, night, canopyCover,
                wind, failsafe, vehicles, targets, faults, detectionLog, units);
    }

    public Scenario withUnits(List<UnitSpec> u) {
        return new Scenario(name, description, seed, durationS, timeScale, home, homeAltAmslM, area, night, canopyCover,
                wind, failsafe, vehicles, targets, faults, detectionLog, u);
    }

    public Scenario withFailsafe(FailsafeSpec f) {
        return new Scenario(name, description, seed, durationS, timeScale, home, homeAltAmslM, area, night, canopyCover,
                wind, f, vehicles, targets, faults, detectionLog, units);
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, description, s, durationS, timeScale, home, homeAltAmslM, area, night, canopyCover,
                wind, failsafe, vehicles, targets, faults, detectionLog, units);
    }

    /**
     * The same scenario, each vehicle without a key of its own signing with {@code keys.get(systemId)} when
     * there is one (system ids are 1.. in the order of {@link #vehicles()}).
     */
    public Scenario withSigningKeys(java.util.Map<Integer, byte[]> keys) {
        List<ScenarioVehicle> signed = new java.util.ArrayList<>(vehicles.size());
        for (int i = 0; i < vehicles.size(); i++) {
            ScenarioVehicle v = vehicles.get(i);
            byte[] key = keys.get(i + 1);
            signed.add(v.signingKeyHex() != null || key == null ? v : v.withSigningKeyHex(java.util.HexFormat.of().formatHex(key)));
        }
        return new Scenario(name, description, seed, durationS, timeScale, home, homeAltAmslM, area, night, canopyCover,
                wind, failsafe, signed, targets, faults, detectionLog, units);
    }
}
