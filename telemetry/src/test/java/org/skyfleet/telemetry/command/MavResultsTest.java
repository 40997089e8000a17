package org.skyfleet.telemetry.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.CommandResult;

class MavResultsTest {

    @Test
    void everyMavResultWireValueHasItsMeaning() {
        assertThat(MavResults.toResult(0)).isEqualTo(CommandResult.ACCEPTED);
        assertThat(MavResults.toResult(1)).isEqualTo(CommandResult.TEMPORARILY_REJECTED);
        assertThat(MavResults.toResult(2)).isEqualTo(CommandResult.DENIED);
        assertThat(MavResults.toResult(3)).isEqualTo(CommandResult.UNSUPPORTED);
        assertThat(MavResults.toResult(4)).isEqualTo(CommandResult.FAILED);
        assertThat(MavResults.toResult(5)).isEqualTo(CommandResult.IN_PROGRESS);
        assertThat(MavResults.toResult(6)).isEqualTo(CommandResult.CANCELLED);
    }

    @Test
    void wrongFormOrFrameIsUnsupportedAndUnknownValuesFailed() {
        assertThat(MavResults.toResult(7)).isEqualTo(CommandResult.UNSUPPORTED);
        assertThat(MavResults.toResult(8)).isEqualTo(CommandResult.UNSUPPORTED);
        assertThat(MavResults.toResult(9)).isEqualTo(CommandResult.UNSUPPORTED);
        assertThat(MavResults.toResult(10)).isEqualTo(CommandResult.FAILED);
    }

    @Test
    void progressOutsideZeroToHundredIsUnknown() {
        assertThat(MavResults.progressPercent(0)).isZero();
        assertThat(MavResults.progressPercent(100)).isEqualTo(100);
        assertThat(MavResults.progressPercent(101)).isEqualTo(-1);
        assertThat(MavResults.progressPercent(255)).isEqualTo(-1);
    }
}
