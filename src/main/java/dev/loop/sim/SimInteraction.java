package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An interaction a member started, and the bot's response to it. Waits use the simulator's default timeout and
 * fail with a dump of recent traffic.
 */
public final class SimInteraction {
    /** One autocomplete choice as the bot returned it. */
    public record Choice(String name, Object value) {}

    private final Sim sim;
    private final World world;
    final InteractionState state;

    SimInteraction(Sim sim, World world, InteractionState state) {
        this.sim = sim;
        this.world = world;
        this.state = state;
    }

    public long id() {
        return state.id;
    }

    public String token() {
        return state.token;
    }

    public boolean acknowledged() {
        return state.acknowledged();
    }

    /** The callback type the bot used (4 reply, 5 defer, 6 deferred update, 7 update, 8 choices, 9 modal), or 0. */
    public int callbackType() {
        return state.callbackType;
    }

    /** Milliseconds the bot took to acknowledge, or -1 if it has not. */
    public long ackMillis() {
        return state.acknowledged() ? (state.callbackNanos - state.createdNanos) / 1_000_000 : -1;
    }

    /**
     * Nanoseconds from dispatch (the simulator emitting INTERACTION_CREATE) to the bot's accepted initial response
     * reaching the REST server, or -1 if it has not answered in time. Unlike {@link #ackMillis()} this leaves out the
     * simulator's own time spent processing the callback, so it is what a latency benchmark should read.
     */
    public long responseNanos() {
        return state.acknowledged() ? state.callbackReceivedNanos - state.createdNanos : -1;
    }

    /** Waits for the initial response and returns its callback type. */
    public int awaitAck() {
        return world.await(
                "the bot to acknowledge " + describe(),
                () -> state.acknowledged() ? state.callbackType : null,
                sim.timeout());
    }

    /**
     * Waits for the bot's reply: the initial response message, a deferred reply once filled in, the first
     * follow-up, or (for components) the updated message. Ephemeral replies count.
     */
    public SimMessage awaitReply() {
        return awaitReply(m -> true);
    }

    /** Waits for a reply (see {@link #awaitReply()}) matching {@code predicate}. */
    public SimMessage awaitReply(Predicate<SimMessage> predicate) {
        return world.await(
                "a reply to " + describe(),
                () -> {
                    int cb = state.callbackType;
                    if (cb == InteractionState.CB_MODAL || cb == InteractionState.CB_AUTOCOMPLETE) {
                        throw new AssertionError("the bot answered " + describe() + " with "
                                + (cb == 9 ? "a modal" : "autocomplete choices") + ", not a message"
                                + world.traffic.dump());
                    }
                    for (MessageState m : state.produced) {
                        if (!m.deleted && !m.isLoading()) {
                            SimMessage sm = new SimMessage(sim, world, m);
                            if (predicate.test(sm)) {
                                return sm;
                            }
                        }
                    }
                    return null;
                },
                sim.timeout());
    }

    /** Waits until the bot has produced {@code count} reply messages (initial response and follow-ups). */
    public List<SimMessage> awaitReplies(int count) {
        return world.await(
                count + " replies to " + describe(),
                () -> {
                    List<SimMessage> out = replies();
                    return out.size() >= count ? out : null;
                },
                sim.timeout());
    }

    /** Every message the bot produced or updated for this interaction so far, in order. */
    public List<SimMessage> replies() {
        List<SimMessage> out = new ArrayList<>();
        for (MessageState m : state.produced) {
            if (!m.deleted && !m.isLoading()) {
                out.add(new SimMessage(sim, world, m));
            }
        }
        return out;
    }

    /**
     * For a button or select: waits until the bot changes the message carrying the component (type 7 update, or
     * an @original edit after a type 6 deferred update) and returns it.
     */
    public SimMessage awaitUpdate() {
        return world.await(
                "the bot to update the message of " + describe(),
                () -> {
                    MessageState target = state.componentMessage();
                    if (target == null) {
                        throw new AssertionError(describe() + " has no component message to update");
                    }
                    // Any edit counts: a type-7 update, an @original edit after type 6, or a plain channel message
                    // edit.
                    return target.version > state.sourceVersion || target.deleted
                            ? new SimMessage(sim, world, target)
                            : null;
                },
                sim.timeout());
    }

    /** Waits for the bot to open a modal (callback type 9). */
    public SimModal awaitModal() {
        return world.await(
                "a modal in response to " + describe(),
                () -> {
                    int cb = state.callbackType;
                    if (cb != 0 && cb != InteractionState.CB_MODAL) {
                        throw new AssertionError("the bot answered " + describe() + " with callback type " + cb
                                + ", not a modal" + world.traffic.dump());
                    }
                    return state.modal == null ? null : new SimModal(sim, world, state);
                },
                sim.timeout());
    }

    /** Waits for autocomplete choices (callback type 8). */
    public List<Choice> awaitChoices() {
        return world.await(
                "autocomplete choices for " + describe(),
                () -> {
                    JsonNode choices = state.choices;
                    if (choices == null) {
                        return null;
                    }
                    List<Choice> out = new ArrayList<>();
                    for (JsonNode c : choices) {
                        JsonNode v = c.path("value");
                        Object value = v.isIntegralNumber()
                                ? (Object) v.asLong()
                                : v.isNumber() ? (Object) v.asDouble() : v.asText();
                        out.add(new Choice(c.path("name").asText(), value));
                    }
                    return out;
                },
                sim.timeout());
    }

    /**
     * Lets the initial-response deadline (3 seconds on Discord) run out now, without waiting for it: a callback
     * from here on gets 404 10062 Unknown interaction.
     */
    public void passDeadline() {
        world.run(() -> state.deadlinePassed = true);
    }

    /** Invalidates the token now, as if 15 minutes had passed: follow-ups and edits get 401 50027. */
    public void expireToken() {
        world.run(() -> state.tokenRevoked = true);
    }

    private String describe() {
        String what = state.commandName != null
                ? "/" + state.commandName
                : state.data != null && state.data.has("custom_id")
                        ? "component '" + state.data.get("custom_id").asText() + "'"
                        : InteractionState.typeName(state.type);
        return what + " (interaction " + state.id + " by " + state.user.username + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
