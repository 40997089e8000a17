package org.skyfleet.simulator.vehicle;

/**
 * A closed path a vehicle repeats: a circle for drones, a rectangle for robots. Positions are metres
 * east/north of the home point; the path is parameterised by distance travelled.
 */
public interface LoopPath {

    /** Position after travelling {@code distanceM} along the path: {east, north}. */
    double[] positionAt(double distanceM);

    /** Direction of travel at {@code distanceM}, degrees clockwise from north. */
    double headingDegAt(double distanceM);

    static LoopPath circle(double centreEastM, double centreNorthM, double radiusM) {
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("radius must be > 0 m, got " + radiusM);
        }
        return new LoopPath() {
            @Override
            public double[] positionAt(double d) {
                double a = d / radiusM;
                return new double[] {centreEastM + radiusM * Math.sin(a), centreNorthM + radiusM * Math.cos(a)};
            }

            @Override
            public double headingDegAt(double d) {
                double deg = Math.toDegrees(d / radiusM) + 90;
                return ((deg % 360) + 360) % 360;
            }
        };
    }

    static LoopPath rectangle(double westM, double southM, double widthM, double heightM) {
        if (!(widthM > 0 && heightM > 0)) {
            throw new IllegalArgumentException("rectangle sides must be > 0 m");
        }
        double perimeter = 2 * (widthM + heightM);
        return new LoopPath() {
            @Override
            public double[] positionAt(double d) {
                double s = ((d % perimeter) + perimeter) % perimeter;
                if (s < widthM) {
                    return new double[] {westM + s, southM};
                }
                s -= widthM;
                if (s < heightM) {
                    return new double[] {westM + widthM, southM + s};
                }
                s -= heightM;
                if (s < widthM) {
                    return new double[] {westM + widthM - s, southM + heightM};
                }
                s -= widthM;
                return new double[] {westM, southM + heightM - s};
            }

            @Override
            public double headingDegAt(double d) {
                double s = ((d % perimeter) + perimeter) % perimeter;
                if (s < widthM) {
                    return 90;
                }
                if (s < widthM + heightM) {
                    return 0;
                }
                if (s < 2 * widthM + heightM) {
                    return 270;
                }
                return 180;
            }
        };
    }
}
