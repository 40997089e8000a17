package org.skyfleet.fleet.airframe;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;

/**
 * The airframe profiles and who flies as which, kept in the store and read from memory (planning reads
 * them on every plan). Every change is validated whole before anything is written, then journaled.
 * Changes are serialised on this object; reads are lock-free.
 */
public final class Airframes {
    /** How the vehicle itself is named in the journal when its AUTOPILOT_VERSION bound it. */
    public static final String AUTOPILOT = "autopilot";

    private final AirframeStore store;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final Map<String, AirframeProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, AirframeBinding> bindings = new ConcurrentHashMap<>();

    public Airframes(AirframeStore store, AuditJournal audit, InstantSource clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        store.listProfiles().forEach(p -> profiles.put(p.profileId(), p));
        store.listBindings().forEach(b -> bindings.put(b.vehicleId(), b));
    }

    /**
     * Adds a profile.
     *
     * @throws IllegalArgumentException listing every impossible figure
     * @throws IllegalStateException if the id is taken (update it instead)
     */
    public synchronized AirframeProfile create(AirframeProfile profile, Operator by) {
        profile.validated();
        if (profiles.containsKey(profile.profileId())) {
            throw new IllegalStateException("airframe profile '" + profile.profileId() + "' already exists: update it, or choose another id");
        }
        return put(profile, by, "airframe profile create");
    }

    /**
     * Replaces a profile; the vehicles bound to it fly with the new figures from the next plan on.
     *
     * @throws NoSuchElementException if there is no such profile
     */
    public synchronized AirframeProfile update(AirframeProfile profile, Operator by) {
        profile.validated();
        require(profile.profileId());
        return put(profile, by, "airframe profile update");
    }

    /**
     * Removes a profile no vehicle is bound to.
     *
     * @throws NoSuchElementException if there is no such profile
     * @throws IllegalStateException while vehicles are bound to it, naming them
     */
    public synchronized void delete(String profileId, Operator by) {
        require(profileId);
        List<String> bound = bindings.values().stream().filter(b -> b.profileId().equals(profileId))
                .map(AirframeBinding::vehicleId).sorted().toList();
        if (!bound.isEmpty()) {
            throw new IllegalStateException("airframe profile '" + profileId + "' is flown by " + String.join(", ", bound)
                    + ": bind them to another profile first");
        }
        store.deleteProfile(profileId);
        profiles.remove(profileId);
        audit.append(by.toString(), "airframe profile delete", "", profileId, "DELETED");
    }

    /**
     * Binds a vehicle to a profile, replacing its previous binding (the autopilot's or an operator's).
     *
     * @throws IllegalArgumentException if the vehicle id is blank
     * @throws NoSuchElementException if there is no such profile
     */
    public synchronized AirframeBinding bind(String vehicleId, String profileId, Operator by) {
        if (vehicleId == null || vehicleId.isBlank()) {
            throw new IllegalArgumentException("vehicle id is required");
        }
        require(profileId);
        AirframeBinding b = new AirframeBinding(vehicleId, profileId, AirframeBinding.Source.OPERATOR, by.toString(), clock.instant());
        store.saveBinding(b);
        bindings.put(vehicleId, b);
        audit.append(by.toString(), "airframe bind", vehicleId, "profile " + profileId, "BOUND");
        return b;
    }

    /**
     * Removes a vehicle's binding; it is planned with the caller's figures (or the defaults) again.
     *
     * @throws NoSuchElementException if it has none
     */
    public synchronized void unbind(String vehicleId, Operator by) {
        AirframeBinding b = bindings.get(vehicleId);
        if (b == null) {
            throw new NoSuchElementException("vehicle '" + vehicleId + "' is bound to no airframe profile");
        }
        store.deleteBinding(vehicleId);
        bindings.remove(vehicleId);
        audit.append(by.toString(), "airframe unbind", vehicleId, "profile " + b.profileId(), "UNBOUND");
    }

    /**
     * What a vehicle's autopilot said it is (AUTOPILOT_VERSION's vendor and product id): bound to the one
     * profile that claims those ids, unless an operator bound it. Several profiles claiming the same ids
     * bind none (journaled once), as an operator must choose.
     *
     * @return the binding made, if one was
     */
    public synchronized Optional<AirframeBinding> identify(String vehicleId, int vendorId, int productId) {
        AirframeBinding current = bindings.get(vehicleId);
        if (current != null && current.source() == AirframeBinding.Source.OPERATOR) {
            return Optional.empty();
        }
        List<AirframeProfile> matching = profiles.values().stream().filter(p -> p.matchesAutopilot(vendorId, productId)).toList();
        if (matching.size() != 1 || current != null && current.profileId().equals(matching.get(0).profileId())) {
            return Optional.empty();
        }
        AirframeBinding b = new AirframeBinding(vehicleId, matching.get(0).profileId(), AirframeBinding.Source.AUTOPILOT_VERSION,
                AUTOPILOT, clock.instant());
        store.saveBinding(b);
        bindings.put(vehicleId, b);
        audit.append(AUTOPILOT, "airframe bind", vehicleId, String.format("profile %s from AUTOPILOT_VERSION vendor 0x%04x product 0x%04x",
                b.profileId(), vendorId, productId), "BOUND");
        return Optional.of(b);
    }

    public Optional<AirframeProfile> profile(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    /** Every profile, in id order. */
    public List<AirframeProfile> profiles() {
        return profiles.values().stream().sorted(java.util.Comparator.comparing(AirframeProfile::profileId)).toList();
    }

    public Optional<AirframeBinding> binding(String vehicleId) {
        return Optional.ofNullable(bindings.get(vehicleId));
    }

    /** The profile a vehicle is bound to, if any. */
    public Optional<AirframeProfile> profileOf(String vehicleId) {
        AirframeBinding b = bindings.get(vehicleId);
        return b == null ? Optional.empty() : Optional.ofNullable(profiles.get(b.profileId()));
    }

    /** Every binding, in vehicle id order. */
    public List<AirframeBinding> bindings() {
        return bindings.values().stream().sorted(java.util.Comparator.comparing(AirframeBinding::vehicleId)).toList();
    }

    private AirframeProfile put(AirframeProfile profile, Operator by, String action) {
        store.saveProfile(profile);
        profiles.put(profile.profileId(), profile);
        audit.append(by.toString(), action, "", profile.profileId() + ": " + profile.model() + ", " + profile.type()
                + String.format(java.util.Locale.ROOT, ", cruise %.1f m/s, endurance %.0f s", profile.cruiseSpeedMps(),
                profile.ratedEnduranceS()), "SAVED");
        return profile;
    }

    private void require(String profileId) {
        if (!profiles.containsKey(profileId == null ? "" : profileId)) {
            throw new NoSuchElementException("airframe profile '" + profileId + "' does not exist");
        }
    }
}
