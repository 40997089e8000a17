package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.store.CommandRecord;
import org.skyfleet.fleet.store.CommandStore;

/** Answered commands in table {@code command_outcome}; a command id is stored once. */
final class JdbcCommandStore implements CommandStore {
    private final Transactions tx;

    JdbcCommandStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(CommandRecord c) {
        long at = nanos(c.answeredAt(), "command " + c.commandId() + " answeredAt");
        tx.write("store the outcome of command " + c.commandId(), conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO command_outcome (command_id, fingerprint, result, "
                    + "progress_percent, attempts, detail, answered_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, c.commandId());
                ps.setString(2, c.fingerprint());
                ps.setString(3, c.outcome().result().name());
                ps.setInt(4, c.outcome().progressPercent());
                ps.setInt(5, c.outcome().attempts());
                ps.setString(6, c.outcome().detail());
                ps.setLong(7, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<CommandRecord> loadSince(Instant since) {
        long sinceNs = nanos(since, "since");
        return tx.read("load answered commands", conn -> {
            List<CommandRecord> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM command_outcome WHERE answered_at_ns >= ? ORDER BY answered_at_ns, command_id")) {
                ps.setLong(1, sinceNs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return tx.read("find command " + commandId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM command_outcome WHERE command_id = ?")) {
                ps.setString(1, commandId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(record(rs)) : Optional.<CommandRecord>empty();
                }
            }
        });
    }

    private static CommandRecord record(ResultSet rs) throws java.sql.SQLException {
        return new CommandRecord(rs.getString("command_id"), rs.getString("fingerprint"),
                new CommandOutcome(CommandResult.valueOf(rs.getString("result")), rs.getInt("progress_percent"),
                        rs.getInt("attempts"), rs.getString("detail")),
                instant(rs.getLong("answered_at_ns")));
    }
}
