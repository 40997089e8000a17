package org.skyfleet.app.console;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where the console is used: the time zone its times are shown in (the command centre's, not the browser's:
 * a screen in Ningbo shows Asia/Shanghai wherever the browser thinks it is) and the directory of offline
 * map packages the server serves tiles from.
 *
 * @param timeZone     the zone the console shows times in
 * @param tilePackages the directory of imported tile packages ({@code skyfleet tiles import}); null: none served
 */
public record ConsoleSite(ZoneId timeZone, Path tilePackages) {
    public ConsoleSite {
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** UTC and no map packages: what a server shows until it is told where it stands. */
    public static ConsoleSite defaults() {
        return new ConsoleSite(ZoneId.of("UTC"), null);
    }

    public ConsoleSite withTimeZone(ZoneId zone) {
        return new ConsoleSite(zone, tilePackages);
    }

    public ConsoleSite withTilePackages(Path dir) {
        return new ConsoleSite(timeZone, dir);
    }
}
