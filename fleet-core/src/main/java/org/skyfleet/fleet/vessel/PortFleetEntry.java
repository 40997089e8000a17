package org.skyfleet.fleet.vessel;

/**
 * A vessel of the port's own fleet, as the port's register has it.
 *
 * @param mmsi     Maritime Mobile Service Identity, 9 digits
 * @param name     registered name (may differ from what the vessel broadcasts)
 * @param owner    owner or operator
 * @param homePort home port
 */
public record PortFleetEntry(long mmsi, String name, String owner, String homePort) {
}
