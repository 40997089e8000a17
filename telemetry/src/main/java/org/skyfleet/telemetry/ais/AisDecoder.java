package org.skyfleet.telemetry.ais;

import java.util.List;
import org.skyfleet.telemetry.ais.AisFormatException.Reason;

/**
 * Reads message types 1, 2, 3, 5, 18, 19 and 24 from a reassembled payload, after the field tables of
 * ITU-R M.1371-5 (annex 8). Integer encodings become SkyFleet units here and nowhere else: 1/10 000 minute
 * to degrees, 1/10 knot to metres per second, 1/10 degree to degrees; the "not available" codes (181, 91,
 * 1023, 3600, 511) become NaN or -1. A message shorter than the fields read is refused, longer is accepted
 * (receivers pad).
 */
public final class AisDecoder {
    private static final double KNOT_MPS = 1852.0 / 3600.0;
    private static final double MINUTES_PER_DEGREE = 600_000.0; // positions are in 1/10 000 minute

    private AisDecoder() {
    }

    /** @throws AisFormatException if the type is not one read here or the payload is too short for it */
    public static List<AisMessage> decode(SixBitPayload p) throws AisFormatException {
        int type = p.messageType();
        return switch (type) {
            case 1, 2, 3 -> List.of(classA(p, type));
            case 5 -> List.of(staticAndVoyage(p));
            case 18 -> List.of(classB(p, 18));
            case 19 -> List.of(classB(p, 19), extendedClassBStatic(p));
            case 24 -> List.of(staticDataReport(p));
            default -> throw new AisFormatException(Reason.UNSUPPORTED_TYPE, "message type " + type);
        };
    }

    private static AisPositionReport classA(SixBitPayload p, int type) throws AisFormatException {
        need(p, type, 149); // through the heading; receivers often cut the radio status
        return new AisPositionReport(type, p.unsigned(8, 30), (int) p.unsigned(38, 4),
                latitude(p.signed(89, 27)), longitude(p.signed(61, 28)), speed(p.unsigned(50, 10)),
                course(p.unsigned(116, 12)), heading(p.unsigned(128, 9)));
    }

    private static AisPositionReport classB(SixBitPayload p, int type) throws AisFormatException {
        need(p, type, type == 19 ? 271 : 133); // type 19 through its ship type
        return new AisPositionReport(type, p.unsigned(8, 30), AisPositionReport.NAV_STATUS_NOT_DEFINED,
                latitude(p.signed(85, 27)), longitude(p.signed(57, 28)), speed(p.unsigned(46, 10)),
                course(p.unsigned(112, 12)), heading(p.unsigned(124, 9)));
    }

    private static AisStaticReport extendedClassBStatic(SixBitPayload p) {
        return new AisStaticReport(19, p.unsigned(8, 30), p.text(143, 20), null, (int) p.unsigned(263, 8), 0, null);
    }

    private static AisStaticReport staticAndVoyage(SixBitPayload p) throws AisFormatException {
        need(p, 5, 420); // 424 by the standard; many transponders send 420
        return new AisStaticReport(5, p.unsigned(8, 30), p.text(112, 20), p.text(70, 7), (int) p.unsigned(232, 8),
                p.unsigned(40, 30), p.text(302, 20));
    }

    private static AisStaticReport staticDataReport(SixBitPayload p) throws AisFormatException {
        need(p, 24, 40);
        long mmsi = p.unsigned(8, 30);
        int part = (int) p.unsigned(38, 2);
        if (part == 0) {
            need(p, 24, 160);
            return new AisStaticReport(24, mmsi, p.text(40, 20), null, -1, 0, null);
        }
        if (part == 1) {
            need(p, 24, 132);
            return new AisStaticReport(24, mmsi, null, p.text(90, 7), (int) p.unsigned(40, 8), 0, null);
        }
        throw new AisFormatException(Reason.BAD_PAYLOAD, "type 24 part number " + part);
    }

    private static void need(SixBitPayload p, int type, int bits) throws AisFormatException {
        if (p.bitLength() < bits) {
            throw new AisFormatException(Reason.TOO_SHORT, "type " + type + " of " + p.bitLength() + " bits, needs " + bits);
        }
    }

    private static double latitude(long tenThousandthMinutes) {
        double deg = tenThousandthMinutes / MINUTES_PER_DEGREE;
        return Math.abs(deg) > 90 ? Double.NaN : deg; // 91: not available
    }

    private static double longitude(long tenThousandthMinutes) {
        double deg = tenThousandthMinutes / MINUTES_PER_DEGREE;
        return Math.abs(deg) > 180 ? Double.NaN : deg; // 181: not available
    }

    private static double speed(long tenthKnots) {
        return tenthKnots == 1023 ? Double.NaN : tenthKnots / 10.0 * KNOT_MPS;
    }

    private static double course(long tenthDegrees) {
        return tenthDegrees >= 3600 ? Double.NaN : tenthDegrees / 10.0;
    }

    private static int heading(long degrees) {
        return degrees >= 360 ? -1 : (int) degrees;
    }
}
