package org.skyfleet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.NodeParts;
import picocli.CommandLine;

class HistoryOptionsTest {
    private static HistoryOptions parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.historyOptions;
    }

    @Test
    void thirtyDaysUnlessToldAndTheBoundsAreNamed() {
        assertThat(parse().retention()).isEqualTo(Duration.ofDays(30)).isEqualTo(NodeParts.DEFAULT_HISTORY_RETENTION);
        assertThat(parse("--history-retention-days", "1").retention()).isEqualTo(Duration.ofDays(1));
        assertThat(parse("--history-retention-days", "3650").retention()).isEqualTo(Duration.ofDays(3650));
        assertThatThrownBy(() -> parse("--history-retention-days", "0").retention())
                .hasMessage("--history-retention-days must be 1..3650, got 0");
        assertThatThrownBy(() -> parse("--history-retention-days", "3651").retention()).hasMessageContaining("3651");
    }
}
