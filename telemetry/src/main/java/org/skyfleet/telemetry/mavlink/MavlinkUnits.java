package org.skyfleet.telemetry.mavlink;

/**
 * The one place where MAVLink's integer encodings become SI units. Sentinels that mean "unknown" on
 * the wire become NaN here.
 */
public final class MavlinkUnits {
    public static final int UINT16_UNKNOWN = 0xFFFF;

    private MavlinkUnits() {
    }

    /** Degrees times 1e7 to degrees. */
    public static double degE7ToDeg(int degE7) {
        return degE7 / 1e7;
    }

    public static int degToDegE7(double deg) {
        return (int) Math.round(deg * 1e7);
    }

    /** Millimetres to metres. */
    public static double mmToM(int mm) {
        return mm / 1000.0;
    }

    /** Centimetres per second to metres per second. */
    public static double cmPerSToMps(int cmPerS) {
        return cmPerS / 100.0;
    }

    /** Centidegrees heading (0..35999, 65535 unknown) to degrees, NaN if unknown. */
    public static double headingCdegToDeg(int cdeg) {
        return cdeg == UINT16_UNKNOWN ? Double.NaN : cdeg / 100.0;
    }

    /** Radians (-pi..pi) to degrees. */
    public static double radToDeg(double rad) {
        return Math.toDegrees(rad);
    }

    /** Radians yaw (-pi..pi) to a compass heading 0..360 clockwise from north. */
    public static double yawRadToHeadingDeg(double rad) {
        double deg = Math.toDegrees(rad) % 360.0;
        return deg < 0 ? deg + 360.0 : deg;
    }

    /** Millivolts (65535 unknown) to volts, NaN if unknown. */
    public static double mvToV(int mv) {
        return mv == UINT16_UNKNOWN || mv < 0 ? Double.NaN : mv / 1000.0;
    }

    /** Centiamperes (-1 unknown) to amperes, NaN if unknown. */
    public static double caToA(int ca) {
        return ca == -1 ? Double.NaN : ca / 100.0;
    }

    /** Battery percent (-1 unknown) to 0..100, NaN if unknown. */
    public static double batteryPercent(int remaining) {
        return remaining < 0 || remaining > 100 ? Double.NaN : remaining;
    }

    /** GPS eph (HDOP x 100, 65535 unknown) to HDOP, NaN if unknown. */
    public static double ephToHdop(int eph) {
        return eph == UINT16_UNKNOWN ? Double.NaN : eph / 100.0;
    }
}
