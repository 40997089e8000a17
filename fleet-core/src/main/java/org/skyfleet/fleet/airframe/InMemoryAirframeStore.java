package org.skyfleet.fleet.airframe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Profiles and bindings in memory, for tests and a control plane that need not survive a restart. */
public final class InMemoryAirframeStore implements AirframeStore {
    private final Map<String, AirframeProfile> profiles = new TreeMap<>();
    private final Map<String, AirframeBinding> bindings = new TreeMap<>();

    @Override
    public synchronized void saveProfile(AirframeProfile profile) {
        profiles.put(profile.profileId(), profile);
    }

    @Override
    public synchronized boolean deleteProfile(String profileId) {
        return profiles.remove(profileId) != null;
    }

    @Override
    public synchronized Optional<AirframeProfile> findProfile(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    @Override
    public synchronized List<AirframeProfile> listProfiles() {
        return List.copyOf(profiles.values());
    }

    @Override
    public synchronized void saveBinding(AirframeBinding binding) {
        bindings.put(binding.vehicleId(), binding);
    }

    @Override
    public synchronized boolean deleteBinding(String vehicleId) {
        return bindings.remove(vehicleId) != null;
    }

    @Override
    public synchronized List<AirframeBinding> listBindings() {
        return List.copyOf(bindings.values());
    }
}
