package org.skyfleet.simulator.video;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Draws a nadir camera's picture of the simulated world. The ground is a deterministic texture fixed to the
 * world (fields of 8 m, roads every 100 m), so it slides and turns under the picture as the drone flies; the
 * footprint is {@code 2 h tan(hfov/2)} wide at height h, so climbing or zooming changes the scale. People
 * and ground units are drawn where they are. The gimbal's pitch and yaw move the footprint ahead of and around the
 * drone ({@link CameraScene#asNadirView()}: drawn from above the footprint's centre at the slant range). A thermal camera maps heat through an ironbow palette: people
 * glow, ground units are warm, the ground is cool. The UTC time (to the millisecond) and the vehicle id
 * are burned in, with the {@link TimeCode} strip.
 *
 * <p>Not thread-safe: one renderer per camera, reusing its frame buffer. Output is BGR24, top row first.
 */
public final class FrameRenderer {
    private static final double FIELD_M = 8;
    private static final double ROAD_EVERY_M = 100;
    private static final double ROAD_WIDTH_M = 7;
    private static final double MIN_ALT_M = 3;
    private static final DateTimeFormatter UTC_MS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int[] IRONBOW = ironbow();

    private final int widthPx;
    private final int heightPx;
    private final BufferedImage image;
    private final byte[] bgr;
    private final Font font;

    public FrameRenderer(int widthPx, int heightPx) {
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_3BYTE_BGR);
        this.bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        this.font = new Font(Font.MONOSPACED, Font.BOLD, Math.max(12, heightPx / 24));
    }

    /** Renders {@code scene}; the returned array is this renderer's buffer, valid until the next call. */
    public byte[] render(CameraScene shot) {
        CameraScene scene = shot.asNadirView(); // the gimbal's pitch and yaw move the footprint
        double footprintM = 2 * Math.max(MIN_ALT_M, scene.altRelM()) * Math.tan(Math.toRadians(scene.hfovDeg() / 2));
        double gsdM = footprintM / widthPx; // metres per pixel
        double h = Math.toRadians(scene.headingDeg());
        double cos = Math.cos(h);
        double sin = Math.sin(h);
        ground(scene, gsdM, cos, sin);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (double[] p : scene.groundUnits()) {
            double[] xy = toScreen(scene, p, gsdM, cos, sin);
            double w = Math.max(4, 2.0 / gsdM);
            double l = Math.max(6, 4.5 / gsdM);
            g.setColor(scene.thermal() ? heat(200) : new Color(235, 235, 245));
            g.fillRect((int) (xy[0] - w / 2), (int) (xy[1] - l / 2), (int) w, (int) l);
        }
        for (double[] p : scene.people()) {
            double[] xy = toScreen(scene, p, gsdM, cos, sin);
            double r = Math.max(3, 0.5 / gsdM);
            g.setColor(scene.thermal() ? heat(250) : new Color(220, 30, 30));
            g.fillOval((int) (xy[0] - r), (int) (xy[1] - r), (int) (2 * r), (int) (2 * r));
        }
        crosshair(g);
        caption(g, scene);
        g.dispose();
        TimeCode.draw(image, scene.epochMs());
        return bgr;
    }

    /** The picture itself, for tests that look at it. */
    public BufferedImage image() {
        return image;
    }

    private void ground(CameraScene s, double gsdM, double cos, double sin) {
        // screen (u right, v up) to world: east = e0 + u cos + v sin, north = n0 - u sin + v cos
        int i = 0;
        for (int y = 0; y < heightPx; y++) {
            double v = (heightPx / 2.0 - y) * gsdM;
            double u0 = -widthPx / 2.0 * gsdM;
            double e = s.eastM() + u0 * cos + v * sin;
            double n = s.northM() - u0 * sin + v * cos;
            double de = gsdM * cos;
            double dn = -gsdM * sin;
            for (int x = 0; x < widthPx; x++, e += de, n += dn) {
                int rgb = s.thermal() ? IRONBOW[groundHeat(e, n)] : groundColour(e, n);
                bgr[i++] = (byte) rgb;
                bgr[i++] = (byte) (rgb >> 8);
                bgr[i++] = (byte) (rgb >> 16);
            }
        }
    }

    private static boolean road(double e, double n) {
        double re = Math.floorMod((long) Math.floor(e), (long) ROAD_EVERY_M);
        double rn = Math.floorMod((long) Math.floor(n), (long) ROAD_EVERY_M);
        return re < ROAD_WIDTH_M || rn < ROAD_WIDTH_M;
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h >>> 40) & 0xff;
    }

    private static int groundColour(double e, double n) {
        if (road(e, n)) {
            int g = 95 + (hash((long) e, (long) n) & 15);
            return g << 16 | g << 8 | g;
        }
        int field = hash((long) Math.floor(e / FIELD_M), (long) Math.floor(n / FIELD_M));
        int grain = hash((long) Math.floor(e), (long) Math.floor(n)) & 31;
        int r = 40 + (field & 63) + grain / 2;
        int g = 90 + (field >> 2) + grain;
        int b = 30 + (field & 31);
        return Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }

    private static int groundHeat(double e, double n) {
        int grain = hash((long) Math.floor(e), (long) Math.floor(n)) & 15;
        if (road(e, n)) {
            return 110 + grain; // asphalt keeps the day's heat
        }
        return 40 + (hash((long) Math.floor(e / FIELD_M), (long) Math.floor(n / FIELD_M)) >> 2) + grain;
    }

    private double[] toScreen(CameraScene s, double[] eastNorth, double gsdM, double cos, double sin) {
        double de = eastNorth[0] - s.eastM();
        double dn = eastNorth[1] - s.northM();
        double u = de * cos - dn * sin;
        double v = de * sin + dn * cos;
        return new double[] {widthPx / 2.0 + u / gsdM, heightPx / 2.0 - v / gsdM};
    }

    private void crosshair(Graphics2D g) {
        g.setColor(new Color(255, 255, 255, 160));
        g.setStroke(new BasicStroke(1.5f));
        int cx = widthPx / 2;
        int cy = heightPx / 2;
        g.drawLine(cx - 14, cy, cx - 4, cy);
        g.drawLine(cx + 4, cy, cx + 14, cy);
        g.drawLine(cx, cy - 14, cx, cy - 4);
        g.drawLine(cx, cy + 4, cx, cy + 14);
    }

    private void caption(Graphics2D g, CameraScene s) {
        g.setFont(font);
        int line = font.getSize() + 4;
        String time = UTC_MS.format(Instant.ofEpochMilli(s.epochMs()));
        String id = s.vehicleId() + (s.thermal() ? "  IR" : "  EO");
        int y = heightPx - 8;
        for (String text : new String[] {time, id}) {
            g.setColor(Color.BLACK);
            g.drawString(text, 9, y + 1);
            g.setColor(Color.WHITE);
            g.drawString(text, 8, y);
            y -= line;
        }
    }

    private static Color heat(int level) {
        return new Color(IRONBOW[level]);
    }

    /** The ironbow palette thermal cameras use: black, deep blue, magenta, red, orange, yellow, white. */
    private static int[] ironbow() {
        int[][] stops = {{0, 0, 0}, {32, 0, 110}, {140, 0, 150}, {220, 50, 40}, {250, 140, 0}, {255, 220, 40}, {255, 255, 255}};
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (stops.length - 1);
            int k = Math.min(stops.length - 2, (int) t);
            double f = t - k;
            int r = (int) Math.round(stops[k][0] + f * (stops[k + 1][0] - stops[k][0]));
            int gr = (int) Math.round(stops[k][1] + f * (stops[k + 1][1] - stops[k][1]));
            int b = (int) Math.round(stops[k][2] + f * (stops[k + 1][2] - stops[k][2]));
            lut[i] = r << 16 | gr << 8 | b;
        }
        return lut;
    }
}
