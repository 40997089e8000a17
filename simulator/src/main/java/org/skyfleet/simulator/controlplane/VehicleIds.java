package org.skyfleet.simulator.controlplane;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * How the server names the simulated vehicles: {@code mav-<link name>-<MAVLink system id>}, the link
 * name being the server's MAVLink UDP port unless it was configured otherwise (telemetry's
 * {@code LinkConfig}). A scenario's vehicles have system ids 1.. in file order.
 */
public final class VehicleIds {
    private VehicleIds() {
    }

    /** Vehicle name ("drone-2") to the server's id ("mav-14550-2"); an unknown name maps to itself. */
    public static Function<String, String> mavlink(Scenario scenario, String linkName) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < scenario.vehicles().size(); i++) {
            ids.put(scenario.vehicles().get(i).name(), "mav-" + linkName + "-" + (i + 1));
        }
        return name -> ids.getOrDefault(name, name);
    }

    /** The same for a server whose MAVLink link is named after its UDP port, as by default. */
    public static Function<String, String> mavlink(Scenario scenario, int serverMavlinkPort) {
        return mavlink(scenario, Integer.toString(serverMavlinkPort));
    }
}
