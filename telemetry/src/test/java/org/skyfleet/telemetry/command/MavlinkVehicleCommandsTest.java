package org.skyfleet.telemetry.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.dronefleet.mavlink.common.CommandInt;
import io.dronefleet.mavlink.common.CommandLong;
import io.dronefleet.mavlink.common.MavResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;

class MavlinkVehicleCommandsTest {
    private static final String DRONE = "mav-test-7";
    private static final int ARM_DISARM = Px4CommandMapping.MAV_CMD_COMPONENT_ARM_DISARM;

    private final SimulatedLink link = new SimulatedLink().withLatency(Duration.ofMillis(20));
    private final FakeCommandVehicle vehicle = new FakeCommandVehicle();
    private final MavlinkVehicleCommands commands = new MavlinkVehicleCommands(link,
            id -> id.equals(DRONE) ? OptionalDouble.of(120.0) : OptionalDouble.empty(), CommandConfig.defaults());

    MavlinkVehicleCommandsTest() {
        link.attach(DRONE, 7, vehicle);
    }

    private CommandOutcome run(VehicleCommand command) {
        return link.await(commands.send(DRONE, command), Duration.ofSeconds(30));
    }

    @Test
    void armIsAcceptedAfterOneAttempt() {
        CommandOutcome out = run(VehicleCommand.arm());

        assertThat(out.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(out.attempts()).isEqualTo(1);
        CommandLong sent = link.sent(CommandLong.class).get(0);
        assertThat(sent.command().value()).isEqualTo(400);
        assertThat(sent.param1()).isEqualTo(1f);
        assertThat(sent.param2()).isEqualTo(0f);
        assertThat(sent.targetSystem()).isEqualTo(7);
        assertThat(sent.targetComponent()).isEqualTo(1);
        assertThat(sent.confirmation()).isZero();
        assertThat(commands.pendingCount()).isZero();
    }

    @Test
    void deniedIsReturnedAsDeniedAndNotRetried() {
        vehicle.answer(ARM_DISARM, MavResult.MAV_RESULT_DENIED);

        CommandOutcome out = run(VehicleCommand.arm());
        link.runFor(Duration.ofSeconds(5));

        assertThat(out.result()).isEqualTo(CommandResult.DENIED);
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(link.sent(CommandLong.class)).hasSize(1);
    }

    @Test
    void everyVehicleResultComesBackAsItsOwn() {
        vehicle.answer(ARM_DISARM, MavResult.MAV_RESULT_TEMPORARILY_REJECTED)
                .answer(Px4CommandMapping.MAV_CMD_NAV_LAND, MavResult.MAV_RESULT_UNSUPPORTED)
                .answer(Px4CommandMapping.MAV_CMD_NAV_RETURN_TO_LAUNCH, MavResult.MAV_RESULT_FAILED)
                .answer(Px4CommandMapping.MAV_CMD_DO_PAUSE_CONTINUE, MavResult.MAV_RESULT_CANCELLED);

        assertThat(run(VehicleCommand.arm()).result()).isEqualTo(CommandResult.TEMPORARILY_REJECTED);
        assertThat(run(VehicleCommand.land()).result()).isEqualTo(CommandResult.UNSUPPORTED);
        assertThat(run(VehicleCommand.returnToLaunch()).result()).isEqualTo(CommandResult.FAILED);
        assertThat(run(VehicleCommand.missionPause()).result()).isEqualTo(CommandResult.CANCELLED);
    }

    @Test
    void withoutAnAckItRetriesWithConfirmationCountingUpThenTimesOut() {
        vehicle.silent(ARM_DISARM);

        CommandOutcome out = run(VehicleCommand.arm());

        assertThat(out.result()).isEqualTo(CommandResult.TIMED_OUT);
        assertThat(out.attempts()).isEqualTo(5);
        assertThat(link.sent(CommandLong.class)).extracting(CommandLong::confirmation).containsExactly(0, 1, 2, 3, 4);
        assertThat(link.elapsed()).isEqualTo(Duration.ofMillis(2500));
        assertThat(commands.pendingCount()).isZero();
    }

    @Test
    void lostSendsAreMadeUpByRetransmissions() {
        vehicle.ignoreFirst(ARM_DISARM, 2);

        CommandOutcome out = run(VehicleCommand.arm());

        assertThat(out.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(out.attempts()).isEqualTo(3);
        assertThat(link.sent(CommandLong.class)).extracting(CommandLong::confirmation).containsExactly(0, 1, 2);
    }

    @Test
    void inProgressStopsRetriesReportsProgressAndWaitsForTheFinalAnswer() {
        vehicle.progress(Px4CommandMapping.MAV_CMD_NAV_TAKEOFF, Duration.ofSeconds(2), 10, 40, 80);
        List<CommandOutcome> reports = new ArrayList<>();

        CompletionStage<CommandOutcome> stage = commands.send(DRONE, VehicleCommand.takeoff(30), reports::add);
        CommandOutcome out = link.await(stage, Duration.ofSeconds(30));

        assertThat(reports).extracting(CommandOutcome::result).containsOnly(CommandResult.IN_PROGRESS);
        assertThat(reports).extracting(CommandOutcome::progressPercent).containsExactly(10, 40, 80);
        assertThat(out.result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(out.progressPercent()).isEqualTo(100);
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(link.elapsed()).isGreaterThan(Duration.ofSeconds(6));
        assertThat(link.sent(CommandLong.class)).hasSize(1);
    }

    @Test
    void inProgressThenSilenceTimesOutAfterTheProgressWait() {
        // The final answer would come 10 s after the only progress report: too late for a 3 s progress wait.
        vehicle.progress(Px4CommandMapping.MAV_CMD_NAV_TAKEOFF, Duration.ofSeconds(10), 10);

        CommandOutcome out = run(VehicleCommand.takeoff(30));

        assertThat(out.result()).isEqualTo(CommandResult.TIMED_OUT);
        assertThat(out.progressPercent()).isEqualTo(10);
        assertThat(link.elapsed()).isEqualTo(Duration.ofMillis(20 + 20 + 3000));
    }

    @Test
    void acksForAnotherGroundStationOrAnotherCommandAreNotOurs() {
        vehicle.ackTo(ARM_DISARM, 254);

        CommandOutcome out = run(VehicleCommand.arm());

        assertThat(out.result()).isEqualTo(CommandResult.TIMED_OUT);
        assertThat(out.attempts()).isEqualTo(5);
    }

    @Test
    void aSecondCommandWithTheSameIdWaitsForTheFirstsAnswer() {
        CompletionStage<CommandOutcome> arm = commands.send(DRONE, VehicleCommand.arm());
        CompletionStage<CommandOutcome> kill = commands.send(DRONE, VehicleCommand.kill());
        CompletionStage<CommandOutcome> rtl = commands.send(DRONE, VehicleCommand.returnToLaunch());

        assertThat(link.sent(CommandLong.class)).extracting(c -> c.command().value()).containsExactly(400, 20);
        assertThat(link.await(arm, Duration.ofSeconds(5)).result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(link.await(kill, Duration.ofSeconds(5)).result()).isEqualTo(CommandResult.ACCEPTED);
        assertThat(link.await(rtl, Duration.ofSeconds(5)).result()).isEqualTo(CommandResult.ACCEPTED);
        List<CommandLong> sent = link.sent(CommandLong.class);
        assertThat(sent).extracting(c -> c.command().value()).containsExactly(400, 20, 400);
        assertThat(sent.get(2).param2()).isEqualTo(Px4CommandMapping.FORCE_DISARM);
    }

    @Test
    void goToGoesAsCommandIntWithPositionInDegE7AndAltitudeAboveHome() {
        CommandOutcome out = run(VehicleCommand.goTo(51.5034567, -0.1276543, 45));

        assertThat(out.result()).isEqualTo(CommandResult.ACCEPTED);
        CommandInt sent = link.sent(CommandInt.class).get(0);
        assertThat(sent.command().value()).isEqualTo(192);
        assertThat(sent.frame().value()).isEqualTo(6);
        assertThat(sent.x()).isEqualTo(515_034_567);
        assertThat(sent.y()).isEqualTo(-1_276_543);
        assertThat(sent.z()).isEqualTo(45f);
        assertThat(sent.targetSystem()).isEqualTo(7);
    }

    @Test
    void takeoffGoesToHomePlusTheRelativeAltitudeAboveSeaLevel() {
        run(VehicleCommand.takeoff(30));

        CommandLong sent = link.sent(CommandLong.class).get(0);
        assertThat(sent.command().value()).isEqualTo(22);
        assertThat(sent.param7()).isEqualTo(150f);
        assertThat(sent.param5()).isNaN();
    }

    @Test
    void takeoffWithoutAKnownHomeIsNotSent() {
        link.attach("mav-test-8", 8, vehicle);

        CommandOutcome out = link.await(commands.send("mav-test-8", VehicleCommand.takeoff(30)), Duration.ofSeconds(1));

        assertThat(out.result()).isEqualTo(CommandResult.FAILED);
        assertThat(out.attempts()).isZero();
        assertThat(out.detail()).contains("home altitude");
        assertThat(link.sent()).isEmpty();
    }

    @Test
    void closingTheLinkEndsWhatIsInFlightAndInLine() {
        vehicle.silent(ARM_DISARM);
        CompletionStage<CommandOutcome> arm = commands.send(DRONE, VehicleCommand.arm());
        CompletionStage<CommandOutcome> kill = commands.send(DRONE, VehicleCommand.kill());
        link.runFor(Duration.ofMillis(700));

        link.close();

        assertThat(arm.toCompletableFuture().join()).extracting(CommandOutcome::result, CommandOutcome::attempts)
                .containsExactly(CommandResult.NOT_CONNECTED, 2);
        assertThat(kill.toCompletableFuture().join().result()).isEqualTo(CommandResult.NOT_CONNECTED);
        assertThat(commands.send(DRONE, VehicleCommand.land()).toCompletableFuture().join().result())
                .isEqualTo(CommandResult.NOT_CONNECTED);
        link.runFor(Duration.ofSeconds(5));
        assertThat(link.sent(CommandLong.class)).hasSize(2);
    }

    @Test
    void aVehicleNotOnTheLinkIsNotConnected() {
        CommandOutcome out = link.await(commands.send("mav-test-9", VehicleCommand.arm()), Duration.ofSeconds(1));

        assertThat(out.result()).isEqualTo(CommandResult.NOT_CONNECTED);
        assertThat(link.sent()).isEmpty();
    }
}
