package org.skyfleet.fleet.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneStore;

/** Geofences in table {@code zone}, one row per zone. */
final class JdbcZoneStore implements ZoneStore {
    private static final String UPDATE = "UPDATE zone SET name = ?, kind = ?, category = ?, zone_json = ? WHERE zone_id = ?";
    private static final String INSERT = "INSERT INTO zone (name, kind, category, zone_json, zone_id) VALUES (?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcZoneStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void put(Zone zone) {
        String json = ZoneJson.write(zone);
        tx.upsert("save zone " + zone.id(), c -> {
            if (execute(c, UPDATE, zone, json) == 0) {
                execute(c, INSERT, zone, json);
            }
            return null;
        });
    }

    /** One transaction: an import is stored whole or not at all. */
    @Override
    public void putAll(Collection<Zone> zones) {
        List<String> json = zones.stream().map(ZoneJson::write).toList();
        tx.upsert("save " + zones.size() + " zones", c -> {
            int i = 0;
            for (Zone z : zones) {
                String j = json.get(i++);
                if (execute(c, UPDATE, z, j) == 0) {
                    execute(c, INSERT, z, j);
                }
            }
            return null;
        });
    }

    @Override
    public boolean remove(String zoneId) {
        return tx.write("delete zone " + zoneId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM zone WHERE zone_id = ?")) {
                ps.setString(1, zoneId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Zone> get(String zoneId) {
        return tx.read("read zone " + zoneId, c -> select(c, "WHERE zone_id = ?", zoneId)).stream().findFirst();
    }

    @Override
    public Collection<Zone> all() {
        return tx.read("load zones", c -> select(c, "", null));
    }

    private static List<Zone> select(Connection c, String where, String zoneId) throws SQLException {
        List<Zone> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT zone_id, zone_json FROM zone " + where + " ORDER BY zone_id")) {
            if (zoneId != null) {
                ps.setString(1, zoneId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ZoneJson.read(rs.getString("zone_id"), rs.getString("zone_json")));
                }
            }
        }
        return out;
    }

    private static int execute(Connection c, String sql, Zone z, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, z.name());
            ps.setString(2, z.kind().name());
            ps.setString(3, z.category().name());
            ps.setString(4, json);
            ps.setString(5, z.id());
            return ps.executeUpdate();
        }
    }
}
