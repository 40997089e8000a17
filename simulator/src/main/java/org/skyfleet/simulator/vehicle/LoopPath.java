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

    /** A closed polygon through {@code pointsEastNorthM} ({east, north} each), back to the first point. */
    static LoopPath polygon(java.util.List<double[]> pointsEastNorthM) {
        if (pointsEastNorthM.size() < 2) {
            throw new IllegalArgumentException("a patrol loop needs at least 2 points, got " + pointsEastNorthM.size());
        }
        int n = pointsEastNorthM.size();
        double[] cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double[] a = pointsEastNorthM.get(i);
            double[] b = pointsEastNorthM.get((i + 1) % n);
            cumulative[i + 1] = cumulative[i] + Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        double perimeter = cumulative[n];
        if (!(perimeter > 0)) {
            throw new IllegalArgumentException("a patrol loop must have a length > 0 m");
        }
        return new LoopPath() {
            private int leg(double d) {
                double s = ((d % perimeter) + perimeter) % perimeter;
                int i = 0;
                while (i < n - 1 && cumulative[i + 1] <= s) {
                    i++;
                }
                return i;
            }

            @Override
            public double[] positionAt(double d) {
                double s = ((d % perimeter) + perimeter) % perimeter;
                int i = leg(d);
                double[] a = pointsEastNorthM.get(i);
                double[] b = pointsEastNorthM.get((i + 1) % n);
                double len = cumulative[i + 1] - cumulative[i];
                double f = len > 0 ? (s - cumulative[i]) / len : 0;
                return new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])};
            }

            @Override
            public double headingDegAt(double d) {
                int i = leg(d);
                double[] a = pointsEastNorthM.get(i);
                double[] b = pointsEastNorthM.get((i + 1) % n);
                double deg = Math.toDegrees(Math.atan2(b[0] - a[0], b[1] - a[1]));
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
