package org.skyfleet.server.records;

import java.time.InstantSource;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.mission.MissionControl;

/**
 * What the records are built on: the node's store, journal, vehicles and the means to fly them.
 *
 * @param response how the first response flies (its policy, the aircraft profiles, the video, the meters)
 */
public record RecordsContext(InstantSource clock, Store store, AuditJournal audit, VehicleRegistry registry,
                             MissionControl missions, VehicleCommands commands, ControlLeases leases,
                             AutomationConfig automation, Supplier<Airspace> airspace,
                             org.skyfleet.fleet.airframe.EnduranceSource endurance, org.skyfleet.fleet.dock.DockBook docks,
                             org.skyfleet.fleet.battery.BatteryPacks batteries, org.skyfleet.server.response.ResponseConfig response) {

    /** The same, the records kept in {@code other} (the shared store as the records leader may write it). */
    public RecordsContext withStore(Store other) {
        return new RecordsContext(clock, other, audit, registry, missions, commands, leases, automation, airspace, endurance, docks,
                batteries, response);
    }
}
