package org.skyfleet.app.cli;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.ScenarioVehicle;

/**
 * MAVLink 2 signing keys for the demo's simulated vehicles, fresh each run and never written anywhere: the
 * demo requires tokens, so its links require signing, and both the server and the simulator are given the
 * same keys. A scenario vehicle that names its own key keeps it.
 */
final class DemoSigningKeys {
    private DemoSigningKeys() {
    }

    /** A random 32-byte key for each system id 1..count. */
    static Map<Integer, byte[]> generate(int count) {
        SecureRandom random = new SecureRandom();
        Map<Integer, byte[]> keys = new HashMap<>();
        for (int id = 1; id <= count; id++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(id, key);
        }
        return keys;
    }

    /** The scenario's vehicles' keys: their own where they name one, a fresh one otherwise (system ids 1.. in order). */
    static Map<Integer, byte[]> forScenario(Scenario scenario) {
        Map<Integer, byte[]> keys = generate(scenario.vehicles().size());
        for (int i = 0; i < scenario.vehicles().size(); i++) {
            ScenarioVehicle v = scenario.vehicles().get(i);
            if (v.signingKey() != null) {
                keys.put(i + 1, v.signingKey());
            }
        }
        return keys;
    }
}
