package org.skyfleet.fleet.geo;

import java.util.Locale;

/** The datum a basemap's tiles are drawn in. */
public enum Datum {
    /** WGS-84, and CGCS2000 (Tianditu), which agrees with it to centimetres: what SkyFleet stores. */
    WGS84,
    /** GCJ-02, the obfuscated datum of AMap (Gaode), Tencent and Google's China maps. */
    GCJ02,
    /** BD-09, Baidu's further offset of GCJ-02. */
    BD09;

    /**
     * A datum by a name a person writes: wgs84, wgs-84, cgcs2000, gcj02, gcj-02, bd09, bd-09 (any case).
     *
     * @throws IllegalArgumentException naming the accepted names, for anything else
     */
    public static Datum parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "wgs84", "cgcs2000", "wgs" -> WGS84;
            case "gcj02", "gcj", "mars" -> GCJ02;
            case "bd09", "bd", "baidu" -> BD09;
            default -> throw new IllegalArgumentException("unknown datum '" + name + "': use wgs84 (or cgcs2000), gcj02 or bd09");
        };
    }
}
