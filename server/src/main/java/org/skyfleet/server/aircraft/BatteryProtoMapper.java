package org.skyfleet.server.aircraft;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.skyfleet.fleet.battery.BatteryPack;
import org.skyfleet.fleet.battery.BatteryPacks;

/** Battery packs between the API and the domain. */
final class BatteryProtoMapper {
    private BatteryProtoMapper() {
    }

    /** A pack to register: its identity, health and limits (where it is fitted is set by InstallBatteryPack). */
    static BatteryPack pack(org.skyfleet.proto.v1.BatteryPack p) {
        return new BatteryPack(p.getPackId(), p.getModel(), p.getRatedCapacityMah(), p.getFullCapacityMah(),
                (int) Math.min(Integer.MAX_VALUE, p.getCycleCount() & 0xFFFFFFFFL), (int) Math.min(Integer.MAX_VALUE, p.getCycleLimit() & 0xFFFFFFFFL),
                p.getFadeLimitPercent(), p.hasLastCharged() ? instant(p.getLastCharged()) : null, "", null, null);
    }

    static org.skyfleet.proto.v1.BatteryPack proto(BatteryPack p, BatteryPacks packs) {
        var b = org.skyfleet.proto.v1.BatteryPack.newBuilder().setPackId(p.packId()).setModel(p.model())
                .setRatedCapacityMah(p.ratedCapacityMah()).setFullCapacityMah(p.fullCapacityMah()).setCycleCount(p.cycleCount())
                .setCycleLimit(p.cycleLimit()).setFadeLimitPercent(p.fadeLimitPercent()).setVehicleId(p.vehicleId())
                .setFadePercent(p.fadePercent()).setGroundedReason(p.grounding().orElse(""))
                .setClearedBy(p.clearance() == null ? "" : p.clearance().by()).setConflict(packs.conflict(p.packId()).orElse(""));
        if (p.lastChargedAt() != null) {
            b.setLastCharged(timestamp(p.lastChargedAt()));
        }
        if (p.installedAt() != null) {
            b.setInstalled(timestamp(p.installedAt()));
        }
        return b.build();
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
            throw new IllegalArgumentException("last_charged: nanos must be 0..999999999");
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
