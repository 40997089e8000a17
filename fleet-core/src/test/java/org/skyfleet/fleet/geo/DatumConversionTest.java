package org.skyfleet.fleet.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The conversions against published test vectors of the reference implementations, and round trips.
 * Vectors: googollee/eviltransform's test suite (WGS-84 to GCJ-02 at Shanghai, Shenzhen, Beijing),
 * athxx/coordtransform-rs's (a port of wandergis/coordtransform: WGS-84/GCJ-02/BD-09 at 116.404 E 39.915 N),
 * and an AMap web-service answer quoted in an R package's tests (GCJ-02 of 116.39089 E 39.90734 N).
 */
class DatumConversionTest {
    /** Forward: within a metre of the reference (the formula is the same, so it is within millimetres). */
    private static final double FORWARD_M = 1.0;
    /** Inverse: back to the reference's input within 0.1 m. */
    private static final double INVERSE_M = 0.1;

    private static void near(LatLon got, double latDeg, double lonDeg, double withinM) {
        assertThat(got.distanceM(new LatLon(latDeg, lonDeg))).as("%s vs (%s, %s)", got, latDeg, lonDeg).isLessThan(withinM);
    }

    @Test
    void wgs84ToGcj02MatchesEviltransform() {
        double[][] vectors = { // wgsLat, wgsLon, gcjLat, gcjLon
            {31.1774276, 121.5272106, 31.17530398364597, 121.531541859215},   // Shanghai
            {22.543847, 113.912316, 22.540796131694766, 113.9171764808363},   // Shenzhen
            {39.911954, 116.377817, 39.91334545536069, 116.38404722455657}};  // Beijing
        for (double[] v : vectors) {
            near(DatumConversion.convert(Datum.WGS84, Datum.GCJ02, v[0], v[1]), v[2], v[3], FORWARD_M);
            near(DatumConversion.convert(Datum.GCJ02, Datum.WGS84, v[2], v[3]), v[0], v[1], INVERSE_M);
        }
    }

    @Test
    void bd09AndGcj02MatchCoordtransform() {
        near(DatumConversion.convert(Datum.WGS84, Datum.GCJ02, 39.915, 116.404), 39.91640428150164, 116.41024449916938, FORWARD_M);
        near(Bd09.fromGcj02(39.915, 116.404), 39.92133699351021, 116.41036949371029, FORWARD_M);
        // coordtransform's reverses are one-step approximations, good to centimetres: ours iterates to 0.1 mm
        near(Bd09.toGcj02(39.915, 116.404), 39.90865673957631, 116.39762729119315, INVERSE_M);
        near(Gcj02.toWgs84(39.915, 116.404), 39.91359571849836, 116.39775550083061, INVERSE_M);
        near(Bd09.toGcj02(39.92133699351021, 116.41036949371029), 39.915, 116.404, INVERSE_M);
    }

    @Test
    void gcj02IsWithinAMetreOfWhatAMapAnswers() {
        near(DatumConversion.convert(Datum.WGS84, Datum.GCJ02, 39.90734, 116.39089), 39.90874539, 116.39713623, FORWARD_M);
    }

    @Test
    void ningboMovesByHundredsOfMetresAndOutsideChinaNothingMoves() {
        LatLon wgs = new LatLon(29.8717, 121.5547); // Dongbu Xincheng
        double shiftM = wgs.distanceM(DatumConversion.convert(Datum.WGS84, Datum.GCJ02, wgs.latDeg(), wgs.lonDeg()));
        assertThat(shiftM).as("GCJ-02 offset in Ningbo").isBetween(300.0, 700.0);
        double bdShiftM = wgs.distanceM(DatumConversion.convert(Datum.WGS84, Datum.BD09, wgs.latDeg(), wgs.lonDeg()));
        assertThat(bdShiftM).as("BD-09 offset in Ningbo").isBetween(600.0, 1500.0);
        assertThat(DatumConversion.convert(Datum.WGS84, Datum.GCJ02, 51.5034, -0.1276)).isEqualTo(new LatLon(51.5034, -0.1276));
    }

    @Test
    void namesAndBadInput() {
        assertThat(Datum.parse("GCJ-02")).isEqualTo(Datum.GCJ02);
        assertThat(Datum.parse("cgcs2000")).isEqualTo(Datum.WGS84);
        assertThat(Datum.parse("bd09")).isEqualTo(Datum.BD09);
        assertThatThrownBy(() -> Datum.parse("utm")).hasMessageContaining("use wgs84 (or cgcs2000), gcj02 or bd09");
        assertThatThrownBy(() -> DatumConversion.convert(Datum.WGS84, Datum.GCJ02, 91, 0)).hasMessageContaining("latitude -90..90");
    }

    @Property(tries = 300)
    void gcj02RoundTripsWithinATenthOfAMetre(@ForAll @DoubleRange(min = 18, max = 53) double latDeg,
                                              @ForAll @DoubleRange(min = 74, max = 134) double lonDeg) {
        LatLon gcj = DatumConversion.convert(Datum.WGS84, Datum.GCJ02, latDeg, lonDeg);
        near(DatumConversion.convert(Datum.GCJ02, Datum.WGS84, gcj.latDeg(), gcj.lonDeg()), latDeg, lonDeg, INVERSE_M);
    }

    @Property(tries = 300)
    void bd09RoundTripsWithinATenthOfAMetre(@ForAll @DoubleRange(min = 18, max = 53) double latDeg,
                                             @ForAll @DoubleRange(min = 74, max = 134) double lonDeg) {
        LatLon bd = DatumConversion.convert(Datum.WGS84, Datum.BD09, latDeg, lonDeg);
        near(DatumConversion.convert(Datum.BD09, Datum.WGS84, bd.latDeg(), bd.lonDeg()), latDeg, lonDeg, INVERSE_M);
    }
}
