package org.skyfleet.cluster.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.bus.BusScope;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.fleet.event.EventType;

class BusSubjectsTest {

    @Test
    void aStateSubjectHasOneTokenPerCellCharacterThenTheVehicle() {
        assertThat(BusSubjects.state("gcpuv", "mav-14550-7")).isEqualTo("skyfleet.state.g.c.p.u.v.mav-14550-7");
        assertThat(BusSubjects.stateFilter(BusScope.vehicle("mav-14550-7"))).isEqualTo("skyfleet.state.*.*.*.*.*.mav-14550-7");
        assertThat(BusSubjects.stateFilter(BusScope.area("gc"))).isEqualTo("skyfleet.state.g.c.>");
        assertThat(BusSubjects.stateFilter(BusScope.all())).isEqualTo("skyfleet.state.>");
    }

    @Test
    void idsAreMadeSubjectSafe() {
        assertThat(BusSubjects.event("drone.7 *>", EventType.LINK_LOST)).isEqualTo("skyfleet.event.drone_7___.link_lost");
        assertThat(BusSubjects.record("skyfleet.rec", RecordKind.AUDIT, "a.b")).isEqualTo("skyfleet.rec.audit.a_b");
    }

    @Test
    void eventsHaveNoArea() {
        assertThat(BusSubjects.eventFilter(BusScope.vehicle("v"))).isEqualTo("skyfleet.event.v.*");
        assertThatThrownBy(() -> BusSubjects.eventFilter(BusScope.area("gc"))).isInstanceOf(IllegalArgumentException.class);
    }
}
