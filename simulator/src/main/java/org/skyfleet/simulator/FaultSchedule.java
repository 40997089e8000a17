package org.skyfleet.simulator;

import java.util.List;
import java.util.Map;
import org.skyfleet.simulator.scenario.FaultSpec;
import org.skyfleet.simulator.wire.VehicleWire;

/** Applies a scenario's faults to the vehicles when they start and undoes them when they end. */
final class FaultSchedule {
    private final List<FaultSpec> faults;
    private final Map<String, VehicleWire> wires;
    private final boolean[] started;
    private final boolean[] ended;

    FaultSchedule(List<FaultSpec> faults, Map<String, VehicleWire> wires) {
        this.faults = faults;
        this.wires = wires;
        this.started = new boolean[faults.size()];
        this.ended = new boolean[faults.size()];
    }

    void apply(long nowMs) {
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            VehicleWire w = wires.get(f.vehicle());
            if (!started[i] && nowMs >= f.startMs()) {
                started[i] = true;
                switch (f.type()) {
                    case PACKET_LOSS -> w.link().setLossRate(f.lossRate());
                    case LATENCY -> w.link().setLatencyMs(f.latencyMs());
                    case LINK_DOWN -> w.setLinkUp(false);
                    case REBOOT -> w.reboot(f.endMs() - f.startMs());
                    case GPS_LOSS -> w.vehicle().gps().setFix(false);
                }
            }
            if (started[i] && !ended[i] && nowMs >= f.endMs()) {
                ended[i] = true;
                switch (f.type()) {
                    case PACKET_LOSS -> w.link().setLossRate(0);
                    case LATENCY -> w.link().setLatencyMs(0);
                    case LINK_DOWN -> w.setLinkUp(true);
                    case REBOOT -> { }
                    case GPS_LOSS -> w.vehicle().gps().setFix(true);
                }
            }
        }
    }
}
