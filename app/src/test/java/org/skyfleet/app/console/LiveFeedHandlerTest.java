package org.skyfleet.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.fanout.ConflatingSubscription;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.StateFanout;

/** The console's WebSocket after the upgrade: sign-in, and what a browser that does not keep up gets. */
class LiveFeedHandlerTest {
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-12-01T22:00:00Z"));
    private final TokenAuthority tokens = new TokenAuthority(new byte[32], clock);
    private final AuditJournal audit = new AuditJournal(clock, new InMemoryStore().audit());
    private final AlertLog alerts = new AlertLog(clock, audit, 5);
    private final org.skyfleet.server.auth.RefusalTally refusals = new org.skyfleet.server.auth.RefusalTally(audit, clock, 100, null);
    private final InProcessFleetBus bus = new InProcessFleetBus();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    // drains run on the publishing thread, so what is sent is known when publish returns
    private final StateFanout<String> fanout = new StateFanout<>(bus, s -> "{\"id\":\"" + s.vehicleId() + "\",\"v\":" + s.version() + "}",
            Runnable::run, timer, new FanoutMetrics(new SimpleMeterRegistry(), "console"));
    private final AtomicReference<ConflatingSubscription<String>> subscription = new AtomicReference<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new LiveFeedHandler(new ConsoleAuth(tokens, refusals), alerts,
            session -> {
                subscription.set(fanout.subscribe(s -> true, 0, session, List.of()));
                return subscription.get();
            }, Runnable::run, Duration.ofSeconds(10)));

    @AfterEach
    void stop() {
        timer.shutdownNow();
        channel.finishAndReleaseAll();
    }

    private void upgrade(String uri) {
        channel.pipeline().fireUserEventTriggered(new WebSocketServerProtocolHandler.HandshakeComplete(uri, new DefaultHttpHeaders(), null));
        channel.runPendingTasks();
    }

    private void signIn(String token) {
        upgrade("/api/v1/console/live");
        channel.writeInbound(new TextWebSocketFrame(token));
        channel.runPendingTasks();
    }

    private String token(Operator.Role role) {
        return tokens.issue("kim", role, Duration.ofHours(1));
    }

    private List<JsonObject> sent() {
        channel.runPendingTasks();
        List<JsonObject> out = new ArrayList<>();
        Object m;
        while ((m = channel.readOutbound()) != null) {
            if (m instanceof TextWebSocketFrame f) {
                out.add(JsonParser.parseString(f.text()).getAsJsonObject());
            }
            io.netty.util.ReferenceCountUtil.release(m);
        }
        return out;
    }

    private static VehicleState state(String id, long version) {
        return new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "h:1"),
                new FlightStatus(LinkState.CONNECTED, Instant.EPOCH, true, "HOLD", SystemStatus.ACTIVE, LandedState.IN_AIR),
                null, null, null, null, null, null, version);
    }

    @Test
    void aBadTokenClosesTheSocketWith4401AndIsAudited() {
        signIn("sf1.forged.nope");

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4401);
        assertThat(close.reasonText()).isEqualTo("bad token signature");
        close.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(subscription.get()).isNull();
        refusals.flush(true);
        assertThat(audit.entries()).anySatisfy(e -> assertThat(e.result()).isEqualTo("UNAUTHENTICATED"));
    }

    @Test
    void theFirstMessageSignsInAndTheCommandCentreMayWatch() {
        upgrade("/api/v1/console/live");
        assertThat(sent()).isEmpty();
        bus.publishState(state("A", 1));
        assertThat(sent()).as("nothing before sign-in").isEmpty();

        channel.writeInbound(new TextWebSocketFrame(token(Operator.Role.DISPATCHER)));
        bus.publishState(state("A", 2));

        List<JsonObject> sent = sent();
        assertThat(sent.get(0).get("t").getAsString()).isEqualTo("hello");
        assertThat(sent.get(0).get("role").getAsString()).isEqualTo("dispatcher");
        assertThat(sent.get(1).get("t").getAsString()).isEqualTo("states");
        assertThat(sent.get(1).getAsJsonArray("states").get(0).getAsJsonObject().get("v").getAsLong()).isEqualTo(2);
    }

    @Test
    void anOfficersTokenDoesNotOpenTheFleetFeed() {
        signIn(token(Operator.Role.OFFICER));

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(4403);
        assertThat(close.reasonText()).contains("may not watch the console feed");
        close.release();
        assertThat(subscription.get()).isNull();
        refusals.flush(true);
        assertThat(audit.entries()).anySatisfy(e -> assertThat(e.result()).isEqualTo("PERMISSION_DENIED"));
    }

    @Test
    void aBrowserThatDoesNotKeepUpGetsTheLatestStatePerVehicleAndHowManyItMissedWithBoundedMemory() {
        signIn(token(Operator.Role.COMMANDER));
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 2048));
        bus.publishState(state("A", 1));
        assertThat(sent()).hasSize(2); // hello, A@1

        channel.write(Unpooled.wrappedBuffer(new byte[4096])); // a socket the browser is not reading: above the high-water mark
        assertThat(channel.isWritable()).isFalse();
        for (int v = 2; v <= 101; v++) {
            for (String id : new String[] {"A", "B", "C"}) {
                bus.publishState(state(id, v));
            }
        }
        assertThat(subscription.get().pendingCount()).as("one waiting state per vehicle").isEqualTo(3);
        assertThat(subscription.get().isSlow()).isTrue();

        channel.flush();  // the browser reads: the channel drains and becomes writable
        channel.runPendingTasks();
        List<JsonObject> states = sent().stream().filter(m -> m.get("t").getAsString().equals("states")).toList();

        assertThat(states).hasSize(1);
        assertThat(states.get(0).get("skipped").getAsLong()).isEqualTo(300 - 3);
        assertThat(states.get(0).getAsJsonArray("states").asList()).extracting(e -> e.getAsJsonObject().get("id").getAsString()
                + "@" + e.getAsJsonObject().get("v").getAsLong()).containsExactly("A@101", "B@101", "C@101");
        assertThat(subscription.get().pendingCount()).isZero();
    }

    @Test
    void alertsWaitInTheSharedLogWhileTheSocketIsFullAndASocketThatFellOutOfItIsToldHowManyItMissed() {
        signIn(token(Operator.Role.COMMANDER));
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1024, 2048));
        sent();
        channel.write(Unpooled.wrappedBuffer(new byte[4096]));
        for (int i = 1; i <= 8; i++) {
            alerts.raise(clock.instant(), "LINK_LOST", "WARNING", "mav-1-" + i, "no heartbeat", Double.NaN, Double.NaN);
        }
        channel.runPendingTasks();

        channel.flush();
        channel.runPendingTasks();
        List<JsonObject> batches = sent().stream().filter(m -> m.get("t").getAsString().equals("alerts")).toList();

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("missed").getAsLong()).as("the log keeps 5 changes").isEqualTo(3);
        assertThat(batches.get(0).getAsJsonArray("alerts").asList()).extracting(e -> e.getAsJsonObject().get("subject").getAsString())
                .containsExactly("mav-1-4", "mav-1-5", "mav-1-6", "mav-1-7", "mav-1-8");
    }

    @Test
    void aTokenInTheUrlIsRefusedWithPolicyViolationAndNeverChecked() {
        upgrade("/api/v1/console/live?token=" + token(Operator.Role.COMMANDER));

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1008);
        assertThat(close.reasonText()).contains("token in the URL is refused");
        close.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(subscription.get()).isNull();
    }

    @Test
    void aSocketThatDoesNotSignInBeforeTheDeadlineIsClosedWithPolicyViolation() {
        upgrade("/api/v1/console/live");
        channel.advanceTimeBy(9, java.util.concurrent.TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("still within the deadline").isTrue();

        channel.advanceTimeBy(2, java.util.concurrent.TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1008);
        assertThat(close.reasonText()).contains("not signed in within 10 s");
        close.release();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aSignedInSocketOutlivesTheDeadline() {
        signIn(token(Operator.Role.COMMANDER));
        channel.advanceTimeBy(1, java.util.concurrent.TimeUnit.MINUTES);
        channel.runScheduledPendingTasks();

        assertThat(sent()).extracting(m -> m.get("t").getAsString()).contains("hello");
        assertThat(channel.isOpen()).isTrue();
    }
}
