package org.skyfleet.fleet.command;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * An in-memory {@link VehicleCommands} for tests: connected vehicles answer every verb ACCEPTED after one attempt
 * unless told otherwise, unknown vehicles are NOT_CONNECTED, and every command sent is recorded. Thread-safe.
 */
public final class ScriptedVehicleCommands implements VehicleCommands {

    /** One command as it was sent. */
    public record Sent(String vehicleId, VehicleCommand command) {
    }

    private final Set<String> connected = new HashSet<>();
    private final Map<CommandVerb, CommandOutcome> answers = new EnumMap<>(CommandVerb.class);
    private final List<Sent> sent = new ArrayList<>();

    public synchronized ScriptedVehicleCommands connect(String vehicleId) {
        connected.add(vehicleId);
        return this;
    }

    /** From now on the vehicle answers this verb with this outcome. */
    public synchronized ScriptedVehicleCommands answer(CommandVerb verb, CommandOutcome outcome) {
        answers.put(verb, outcome);
        return this;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command,
                                                             Consumer<CommandOutcome> progress) {
        if (!connected.contains(vehicleId)) {
            return CompletableFuture.completedFuture(new CommandOutcome(CommandResult.NOT_CONNECTED,
                    CommandOutcome.NO_PROGRESS, 0, "vehicle " + vehicleId + " is not connected"));
        }
        sent.add(new Sent(vehicleId, command));
        return CompletableFuture.completedFuture(
                answers.getOrDefault(command.verb(), CommandOutcome.of(CommandResult.ACCEPTED, 1)));
    }
}
