package org.skyfleet.simulator.video;

import java.awt.image.BufferedImage;

/**
 * The frame's UTC time burned in as a strip of black and white blocks along the top edge, one bit of the
 * epoch milliseconds per block, most significant first, so a viewer can read when a frame was captured
 * and measure glass-to-glass latency against its own clock. Blocks are large enough to survive H.264.
 */
public final class TimeCode {
    public static final int BITS = 44;
    public static final int BLOCK_PX = 8;
    public static final int LEFT_PX = 4;
    public static final int TOP_PX = 4;

    private TimeCode() {
    }

    /** Draws {@code epochMs} into {@code image} (a white block is a 1). */
    public static void draw(BufferedImage image, long epochMs) {
        for (int bit = 0; bit < BITS; bit++) {
            boolean one = ((epochMs >>> (BITS - 1 - bit)) & 1) != 0;
            int rgb = one ? 0xFFFFFF : 0x000000;
            int x0 = LEFT_PX + bit * BLOCK_PX;
            for (int y = TOP_PX; y < TOP_PX + BLOCK_PX; y++) {
                for (int x = x0; x < x0 + BLOCK_PX; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
        }
    }

    /** Reads the time back from a picture: the green channel at each block's centre, thresholded at half. */
    public static long read(BufferedImage image) {
        long ms = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int green = (image.getRGB(LEFT_PX + bit * BLOCK_PX + BLOCK_PX / 2, TOP_PX + BLOCK_PX / 2) >> 8) & 0xff;
            ms = (ms << 1) | (green >= 128 ? 1 : 0);
        }
        return ms;
    }

    /** The same reading as a JavaScript function {@code (rgba, width) -> epoch ms}, for a browser canvas. */
    public static String javascriptReader() {
        return "function(rgba,width){var ms=0;for(var b=0;b<" + BITS + ";b++){var x=" + LEFT_PX + "+b*" + BLOCK_PX + "+"
                + BLOCK_PX / 2 + ",y=" + (TOP_PX + BLOCK_PX / 2) + ";var g=rgba[(y*width+x)*4+1];ms=ms*2+(g>=128?1:0);}return ms;}";
    }
}
