package org.skyfleet.app.console;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.skyfleet.app.tiles.TilePackage;
import org.skyfleet.app.tiles.TilePackages;

/**
 * Serves the server's tile packages: {@code GET /api/v1/tiles/<package>/<z>/<x>/<y>.<png|jpg|webp|pbf>}. A tile
 * is 200 with its bytes, its content type, an ETag (answered 304 when the browser has it) and a day's caching;
 * one a package lacks (outside its area or zooms) is 404 at once, cached a minute, so a map panned beyond the
 * package does not ask again and again. Reads happen off the event loop (SQLite and file reads block). MBTiles
 * and PMTiles packages are served alike.
 * <p>Tiles are served like the console's own files, without a token: an {@code <img>} cannot carry the bearer
 * header, a token in a URL is refused by policy, and a city basemap holds no fleet data. A deployment that
 * must restrict the map binds the HTTP port to its police network, as for the console itself.
 */
final class TileRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String PREFIX = "/api/v1/tiles/";
    private static final Pattern TILE = Pattern.compile("/api/v1/tiles/([a-z0-9][a-z0-9_-]{0,63})/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})\\.(png|jpg|jpeg|webp|pbf)");

    private final TilePackages packages;
    private final Executor blocking;
    private final ResponseHeaders headers;

    TileRoutes(TilePackages packages, Executor blocking, ResponseHeaders headers) {
        super(false);
        this.packages = packages;
        this.blocking = blocking;
        this.headers = headers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri().split("\\?", 2)[0];
        if (!path.startsWith(PREFIX)) {
            ctx.fireChannelRead(request);
            return;
        }
        try {
            boolean head = request.method().equals(HttpMethod.HEAD);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.method().equals(HttpMethod.GET) && !head) {
                write(ctx, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET", "no-cache"), keepAlive, head);
                return;
            }
            Matcher m = TILE.matcher(path);
            Optional<TilePackage> pkg = m.matches() ? packages.find(m.group(1)) : Optional.empty();
            if (pkg.isEmpty() || !sameFormat(pkg.get().info().format(), m.group(5))) {
                write(ctx, text(HttpResponseStatus.NOT_FOUND, "no such tile package or format: " + path, "no-cache"), keepAlive, head);
                return;
            }
            int z = Integer.parseInt(m.group(2));
            int x = Integer.parseInt(m.group(3));
            int y = Integer.parseInt(m.group(4));
            String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
            TilePackage tiles = pkg.get();
            CompletableFuture.supplyAsync(() -> tiles.tile(z, x, y), blocking).whenComplete((bytes, error) -> {
                FullHttpResponse r;
                if (error != null) {
                    r = text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "tile read failed: " + error.getMessage(), "no-cache");
                } else if (bytes.isEmpty()) {
                    r = text(HttpResponseStatus.NOT_FOUND, "no tile " + z + "/" + x + "/" + y + " in " + m.group(1), "public, max-age=60");
                } else {
                    r = tile(tiles.info(), bytes.get(), ifNoneMatch);
                }
                write(ctx, r, keepAlive, head);
            });
        } finally {
            request.release();
        }
    }

    private static boolean sameFormat(String format, String ext) {
        return format.equals(ext) || (format.startsWith("jp") && ext.startsWith("jp"));
    }

    private static FullHttpResponse tile(TilePackage.Info info, byte[] bytes, String ifNoneMatch) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String etag = "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"";
        boolean fresh = etag.equals(ifNoneMatch);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                fresh ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
                fresh ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, info.contentType());
        r.headers().set(HttpHeaderNames.ETAG, etag);
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=86400");
        if (info.vector() && bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            r.headers().set(HttpHeaderNames.CONTENT_ENCODING, "gzip"); // vector tiles are usually stored gzipped
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, fresh ? 0 : bytes.length);
        return r;
    }

    private static FullHttpResponse text(HttpResponseStatus status, String message, String cache) {
        byte[] body = new JsonObject().str("error", status.code() == 404 ? "not_found" : "tile_error").str("message", message).end()
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, cache);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return r;
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive, boolean head) {
        if (head) {
            r.content().clear();
        }
        headers.addTo(r.headers());
        HttpUtil.setKeepAlive(r, keepAlive);
        var f = ctx.writeAndFlush(r);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
