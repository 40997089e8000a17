package org.skyfleet.telemetry.ais;

/** A decoded AIS message this ingest reads: a position report or static data, each from one MMSI. */
public sealed interface AisMessage permits AisPositionReport, AisStaticReport {
    /** ITU-R M.1371 message type, 1..27. */
    int messageType();

    /** Maritime Mobile Service Identity, 9 digits for a ship. */
    long mmsi();
}
