package org.skyfleet.fleet.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;

class ResponsePolicyFileTest {
    @Test
    void aFileChangesWhatItNamesAndReadsBackWhatItWrote() {
        ResponsePolicy p = ResponsePolicyFile.parse("""
                # Zhoushan: every disturbance waits for a person, fires never wait
                disturbance.p1 = on_approval
                fire.p3 = auto
                altitude_rel_m = 80   # above the harbour cranes
                """);
        assertThat(p.mode(IncidentType.DISTURBANCE, IncidentPriority.P1)).isEqualTo(LaunchMode.ON_APPROVAL);
        assertThat(p.mode(IncidentType.FIRE, IncidentPriority.P3)).isEqualTo(LaunchMode.AUTO);
        assertThat(p.mode(IncidentType.TRAFFIC, IncidentPriority.P1)).isEqualTo(LaunchMode.AUTO);
        assertThat(p.mode(IncidentType.MISSING_PERSON, IncidentPriority.P1)).as("the search's, not this policy's")
                .isEqualTo(LaunchMode.NEVER);
        assertThat(p.altitudeRelM()).isEqualTo(80);
        assertThat(ResponsePolicyFile.parse(ResponsePolicyFile.format(p))).isEqualTo(p);
    }

    @Test
    void everyMistakeIsNamedWithItsLine() {
        assertThatThrownBy(() -> ResponsePolicyFile.parse("traffic.p1 = sometimes\naltitude_rel_m = 121\nspeed = 3\nmissing_person.p1 = auto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("line 3: unknown setting 'speed'")
                .hasMessageContaining("altitude_rel_m 121.0 must be 10..120")
                .hasMessageContaining("missing_person is the search automation's");
    }
}
