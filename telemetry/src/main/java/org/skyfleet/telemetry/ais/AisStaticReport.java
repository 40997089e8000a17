package org.skyfleet.telemetry.ais;

/**
 * Static data of a vessel (type 5 class A static and voyage, type 19's static part, type 24 parts A and B).
 * Each report carries some fields: the others are null (or -1 for the ship type, 0 for the IMO number).
 *
 * @param name        up to 20 characters, upper case six-bit text
 * @param callSign    up to 7 characters
 * @param shipType    ITU ship and cargo type 0..99 (30 fishing), -1 when this report does not carry it
 * @param imo         IMO number, 0 when not given
 * @param destination up to 20 characters (type 5)
 */
public record AisStaticReport(int messageType, long mmsi, String name, String callSign, int shipType, long imo,
                              String destination) implements AisMessage {
}
