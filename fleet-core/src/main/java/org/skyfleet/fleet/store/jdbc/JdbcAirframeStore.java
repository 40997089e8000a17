package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.airframe.AirframeBinding;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeStore;
import org.skyfleet.fleet.airframe.AirframeType;

/** Profiles in table {@code airframe_profile}, bindings in {@code airframe_binding}; each write one transaction. */
final class JdbcAirframeStore implements AirframeStore {
    private static final String PROFILE_COLUMNS = "model, airframe_type, cruise_speed_mps, max_speed_mps, climb_rate_mps, "
            + "rated_endurance_s, wind_limit_mps, payload, autopilot, autopilot_vendor_id, autopilot_product_id, maintenance_interval_h, "
            + "maintenance_interval_flights";

    private final Transactions tx;

    JdbcAirframeStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void saveProfile(AirframeProfile p) {
        tx.upsert("save airframe profile " + p.profileId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE airframe_profile SET model = ?, airframe_type = ?, "
                    + "cruise_speed_mps = ?, max_speed_mps = ?, climb_rate_mps = ?, rated_endurance_s = ?, wind_limit_mps = ?, "
                    + "payload = ?, autopilot = ?, autopilot_vendor_id = ?, autopilot_product_id = ?, maintenance_interval_h = ?, "
                    + "maintenance_interval_flights = ? WHERE profile_id = ?")) {
                bind(ps, p);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO airframe_profile (" + PROFILE_COLUMNS
                    + ", profile_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, p);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, AirframeProfile p) throws SQLException {
        ps.setString(1, p.model());
        ps.setString(2, p.type().name());
        ps.setDouble(3, p.cruiseSpeedMps());
        ps.setDouble(4, p.maxSpeedMps());
        ps.setDouble(5, p.climbRateMps());
        ps.setDouble(6, p.ratedEnduranceS());
        ps.setDouble(7, p.windLimitMps());
        ps.setString(8, p.payload());
        ps.setString(9, p.autopilot());
        ps.setInt(10, p.autopilotVendorId());
        ps.setInt(11, p.autopilotProductId());
        ps.setDouble(12, p.maintenanceIntervalH());
        ps.setInt(13, p.maintenanceIntervalFlights());
        ps.setString(14, p.profileId());
    }

    @Override
    public boolean deleteProfile(String profileId) {
        return tx.write("delete airframe profile " + profileId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM airframe_profile WHERE profile_id = ?")) {
                ps.setString(1, profileId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<AirframeProfile> findProfile(String profileId) {
        return profiles("WHERE profile_id = ?", profileId).stream().findFirst();
    }

    @Override
    public List<AirframeProfile> listProfiles() {
        return profiles("", null);
    }

    private List<AirframeProfile> profiles(String where, String arg) {
        return tx.read("load airframe profiles", c -> {
            List<AirframeProfile> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT profile_id, " + PROFILE_COLUMNS + " FROM airframe_profile "
                    + where + " ORDER BY profile_id")) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AirframeProfile(rs.getString("profile_id"), rs.getString("model"),
                                AirframeType.valueOf(rs.getString("airframe_type")), rs.getDouble("cruise_speed_mps"),
                                rs.getDouble("max_speed_mps"), rs.getDouble("climb_rate_mps"), rs.getDouble("rated_endurance_s"),
                                rs.getDouble("wind_limit_mps"), rs.getString("payload"), rs.getString("autopilot"),
                                rs.getInt("autopilot_vendor_id"), rs.getInt("autopilot_product_id"),
                                rs.getDouble("maintenance_interval_h"), rs.getInt("maintenance_interval_flights")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveBinding(AirframeBinding b) {
        tx.upsert("save airframe binding of " + b.vehicleId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE airframe_binding SET profile_id = ?, source = ?, bound_by = ?, "
                    + "bound_at_ns = ? WHERE vehicle_id = ?")) {
                bind(ps, b);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO airframe_binding (profile_id, source, bound_by, bound_at_ns, "
                    + "vehicle_id) VALUES (?, ?, ?, ?, ?)")) {
                bind(ps, b);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, AirframeBinding b) throws SQLException {
        ps.setString(1, b.profileId());
        ps.setString(2, b.source().name());
        ps.setString(3, b.boundBy());
        ps.setLong(4, nanos(b.boundAt(), "airframe binding of " + b.vehicleId()));
        ps.setString(5, b.vehicleId());
    }

    @Override
    public boolean deleteBinding(String vehicleId) {
        return tx.write("delete airframe binding of " + vehicleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM airframe_binding WHERE vehicle_id = ?")) {
                ps.setString(1, vehicleId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<AirframeBinding> listBindings() {
        return tx.read("load airframe bindings", c -> {
            List<AirframeBinding> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM airframe_binding ORDER BY vehicle_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AirframeBinding(rs.getString("vehicle_id"), rs.getString("profile_id"),
                            AirframeBinding.Source.valueOf(rs.getString("source")), rs.getString("bound_by"),
                            instant(rs.getLong("bound_at_ns"))));
                }
            }
            return out;
        });
    }
}
