package org.skyfleet.fleet.geofence;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** When a zone is active. A zone without a schedule is always active. */
public sealed interface ZoneSchedule permits ZoneSchedule.Weekly, ZoneSchedule.Between {

    /** True when the zone is active at {@code now}. */
    boolean isActiveAt(Instant now);

    /**
     * A daily window on the given days, in local time of a time zone. A window whose end is before its
     * start runs over midnight and belongs to the day it starts on (Friday 22:00-02:00 ends Saturday
     * 02:00). The start is included, the end is not.
     *
     * @param days       days the window starts on, at least one
     * @param startLocal start of the window, local time
     * @param endLocal   end of the window, local time; equal to the start is an empty window
     * @param timeZoneId IANA time zone id, e.g. {@code Europe/London}
     */
    record Weekly(Set<DayOfWeek> days, LocalTime startLocal, LocalTime endLocal, String timeZoneId)
            implements ZoneSchedule {
        public Weekly {
            days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
            Objects.requireNonNull(startLocal, "startLocal");
            Objects.requireNonNull(endLocal, "endLocal");
            Objects.requireNonNull(timeZoneId, "timeZoneId");
        }

        /** Every day of the week. */
        public static Weekly daily(LocalTime startLocal, LocalTime endLocal, String timeZoneId) {
            return new Weekly(EnumSet.allOf(DayOfWeek.class), startLocal, endLocal, timeZoneId);
        }

        /** The time zone, empty when the id is unknown. */
        public Optional<ZoneId> timeZone() {
            try {
                return Optional.of(ZoneId.of(timeZoneId));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isActiveAt(Instant now) {
            Optional<ZoneId> tz = timeZone();
            if (tz.isEmpty() || startLocal.equals(endLocal)) {
                return false;
            }
            ZonedDateTime local = now.atZone(tz.get());
            LocalTime t = local.toLocalTime();
            DayOfWeek day = local.getDayOfWeek();
            if (startLocal.isBefore(endLocal)) {
                return days.contains(day) && !t.isBefore(startLocal) && t.isBefore(endLocal);
            }
            return days.contains(day) && !t.isBefore(startLocal)
                    || days.contains(day.minus(1)) && t.isBefore(endLocal);
        }
    }

    /**
     * An absolute period, {@code from} included, {@code until} excluded; either end may be open.
     *
     * @param from  first active instant, {@code null} for "already"
     * @param until first inactive instant, {@code null} for "until deleted"
     */
    record Between(Instant from, Instant until) implements ZoneSchedule {
        @Override
        public boolean isActiveAt(Instant now) {
            return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
        }
    }
}
