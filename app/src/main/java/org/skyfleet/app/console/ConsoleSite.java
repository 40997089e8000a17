package org.skyfleet.app.console;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.skyfleet.fleet.geo.Datum;
import org.skyfleet.fleet.geo.LatLon;

/**
 * Where the console is used: the time zone its times are shown in (the command centre's, not the browser's:
 * a screen in Ningbo shows Asia/Shanghai wherever the browser thinks it is) and the directory of offline
 * map packages the server serves tiles from.
 *
 * @param timeZone     the zone the console shows times in
 * @param tilePackages the directory of imported tile packages ({@code skyfleet tiles import}); null: none served
 * @param tilesDatum   the datum of the external tile server's map ({@code --console-tiles}): GCJ-02 for AMap or
 *                     Tencent tiles, BD-09 for Baidu's, WGS-84 for Tianditu (CGCS2000) and OpenStreetMap
 * @param home         where the map opens before the fleet reports in (WGS-84); null: where the fleet is
 */
public record ConsoleSite(ZoneId timeZone, Path tilePackages, Datum tilesDatum, LatLon home) {
    public ConsoleSite {
        Objects.requireNonNull(timeZone, "timeZone");
        tilesDatum = tilesDatum == null ? Datum.WGS84 : tilesDatum;
    }

    /** UTC, no map packages, WGS-84 tiles: what a server shows until it is told where it stands. */
    public static ConsoleSite defaults() {
        return new ConsoleSite(ZoneId.of("UTC"), null, Datum.WGS84, null);
    }

    public ConsoleSite withTimeZone(ZoneId zone) {
        return new ConsoleSite(zone, tilePackages, tilesDatum, home);
    }

    public ConsoleSite withTilePackages(Path dir) {
        return new ConsoleSite(timeZone, dir, tilesDatum, home);
    }

    public ConsoleSite withTilesDatum(Datum datum) {
        return new ConsoleSite(timeZone, tilePackages, datum, home);
    }

    public ConsoleSite withHome(LatLon point) {
        return new ConsoleSite(timeZone, tilePackages, tilesDatum, point);
    }
}
