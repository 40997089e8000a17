package org.skyfleet.app.console;

import java.time.InstantSource;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * The console's view of a vehicle state: what the map draws, in the API's units. The fan-out encodes
 * each state once with this and hands the same string to every browser.
 */
public final class VehicleJson {
    private VehicleJson() {
    }

    public static String encode(VehicleState s, InstantSource clock) {
        long now = clock.millis();
        JsonObject o = new JsonObject()
                .str("id", s.vehicleId())
                .str("kind", s.identity().kind().name())
                .bool("surface", s.identity().kind().isSurface())
                .str("autopilot", s.identity().autopilot().name());
        if (s.identity().claimPending()) {
            // an unconfirmed address: the details offer to confirm it (FleetService/ConfirmLinkClaim)
            o.str("linkClaim", s.identity().linkClaim()).str("linkPeer", s.identity().linkPeer());
        }
        if (s.status() != null) {
            o.str("link", s.status().linkState().name())
                    .bool("armed", s.status().armed())
                    .str("mode", s.status().flightMode());
            if (s.status().lastHeartbeat() != null) {
                o.num("lastHeartbeatMs", s.status().lastHeartbeat().toEpochMilli());
            }
        }
        if (s.position() != null) {
            var p = s.position();
            o.num("latDeg", p.latDeg()).num("lonDeg", p.lonDeg()).num("altRelM", p.altRelM())
                    .num("headingDeg", p.headingDeg())
                    .num("speedMps", Math.hypot(p.vNorthMps(), p.vEastMps()))
                    .num("positionAgeMs", Math.max(0, now - p.receivedAt().toEpochMilli()));
        }
        if (s.attitude() != null && (s.position() == null || !Double.isFinite(s.position().headingDeg()))) {
            o.num("headingDeg", (s.attitude().yawDeg() + 360) % 360);
        }
        if (s.battery() != null) {
            o.num("batteryPercent", s.battery().remainingPercent());
        }
        return o.num("serverTimeMs", now).end();
    }
}
