package org.skyfleet.mavsdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.proto.v1.ListVehiclesRequest;
import org.skyfleet.proto.v1.VehicleState;

/**
 * MAVSDK endpoints for SkyFleet vehicles, all acting with one pilot's token: vehicle i (in the order given, or
 * SkyFleet's vehicle-id order) on port base + i, or each on an ephemeral port when base is 0.
 */
public final class MavsdkGateway implements AutoCloseable {
    private final SkyfleetConnection skyfleet;
    private final List<VehicleEndpoint> endpoints = new ArrayList<>();

    private MavsdkGateway(SkyfleetConnection skyfleet) {
        this.skyfleet = skyfleet;
    }

    /**
     * @param vehicleIds the vehicles to serve; empty: every vehicle SkyFleet knows now
     * @param token the bearer token every call acts as unless it carries its own
     */
    public static MavsdkGateway start(String skyfleetHost, int skyfleetPort, String token, String bindHost, int basePort,
                                      List<String> vehicleIds) throws IOException {
        if (basePort < 0 || basePort > 65535) {
            throw new IllegalArgumentException("--mavsdk-ports must be 0..65535, not " + basePort);
        }
        MavsdkGateway g = new MavsdkGateway(new SkyfleetConnection(skyfleetHost, skyfleetPort));
        try {
            List<String> ids = vehicleIds.isEmpty()
                    ? g.skyfleet.fleet(token).listVehicles(ListVehiclesRequest.getDefaultInstance()).getVehiclesList().stream()
                            .map(VehicleState::getVehicleId).sorted().toList()
                    : vehicleIds;
            for (int i = 0; i < ids.size(); i++) {
                int port = basePort == 0 ? 0 : basePort + i;
                if (port > 65535) {
                    throw new IllegalArgumentException("--mavsdk-ports " + basePort + " leaves no port for " + ids.get(i));
                }
                g.endpoints.add(new VehicleEndpoint(g.skyfleet, token, ids.get(i), new InetSocketAddress(bindHost, port)));
            }
            return g;
        } catch (RuntimeException | IOException e) {
            g.close();
            throw e;
        }
    }

    /** The MAVSDK port serving {@code vehicleId}, or -1. */
    public int portOf(String vehicleId) {
        return endpoints.stream().filter(e -> e.vehicleId().equals(vehicleId)).mapToInt(VehicleEndpoint::port).findFirst().orElse(-1);
    }

    public List<String> vehicleIds() {
        return endpoints.stream().map(VehicleEndpoint::vehicleId).toList();
    }

    @Override
    public void close() {
        for (VehicleEndpoint e : endpoints) {
            try {
                e.close();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            skyfleet.close();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
