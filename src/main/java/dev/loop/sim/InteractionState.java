package dev.loop.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One interaction sent to the bot, and the state of the bot's response to it. Mutations happen under the world
 * lock. Deadlines use {@link System#nanoTime()} so they follow real time, like Discord's, whatever the sim clock.
 */
final class InteractionState {
    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    static final int CB_PONG = 1;
    static final int CB_MESSAGE = 4;
    static final int CB_DEFERRED_MESSAGE = 5;
    static final int CB_DEFERRED_UPDATE = 6;
    static final int CB_UPDATE = 7;
    static final int CB_AUTOCOMPLETE = 8;
    static final int CB_MODAL = 9;

    final long id;
    final String token;
    final int type;
    final UserState user;
    final MemberState member; // null in DMs
    final ChannelState channel;
    final ObjectNode data;
    /** The message a component lives on (components, and modals opened from components). */
    final MessageState sourceMessage;
    /** For a modal submit: the interaction that opened the modal. */
    final InteractionState parent;

    final String commandName; // for interaction_metadata
    final int commandType;
    final long createdNanos;
    final long deadlineNanos;
    final long tokenExpiryNanos;

    volatile int callbackType; // 0 until acknowledged
    volatile long callbackNanos;
    /** When the accepted callback request reached the REST server, before it waited for the world lock. */
    volatile long callbackReceivedNanos;
    /** The @original message: the response message for 4/5, the component's message for 6/7. */
    volatile MessageState original;

    volatile boolean ephemeral;
    volatile boolean deferredPending; // a type-5 defer whose loading message has not been filled yet
    volatile ObjectNode modal;
    volatile JsonNode choices;
    volatile boolean tokenRevoked;
    /** Set by a test that lets the three seconds run out without waiting for them. */
    volatile boolean deadlinePassed;
    /** Every message this interaction produced or changed, in order. */
    final List<MessageState> produced = new CopyOnWriteArrayList<>();
    /** Incremented whenever @original is edited or updated, so tests can wait for "the next change". */
    volatile int updates;
    /** Version of the component message when the interaction started. */
    final int sourceVersion;

    InteractionState(
            long id,
            String token,
            int type,
            UserState user,
            MemberState member,
            ChannelState channel,
            ObjectNode data,
            MessageState sourceMessage,
            InteractionState parent,
            String commandName,
            int commandType,
            long deadlineNanos,
            long tokenLifetimeNanos) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.user = user;
        this.member = member;
        this.channel = channel;
        this.data = data;
        this.sourceMessage = sourceMessage;
        this.parent = parent;
        this.commandName = commandName;
        this.commandType = commandType;
        this.createdNanos = System.nanoTime();
        this.deadlineNanos = createdNanos + deadlineNanos;
        this.tokenExpiryNanos = createdNanos + tokenLifetimeNanos;
        MessageState component = componentMessage();
        this.sourceVersion = component == null ? 0 : component.version;
    }

    boolean acknowledged() {
        return callbackType != 0;
    }

    /** The component message that 6/7 callbacks edit, following a modal back to the component that opened it. */
    MessageState componentMessage() {
        if (sourceMessage != null) {
            return sourceMessage;
        }
        return parent == null ? null : parent.componentMessage();
    }

    static String typeName(int type) {
        return switch (type) {
            case PING -> "PING";
            case APPLICATION_COMMAND -> "APPLICATION_COMMAND";
            case MESSAGE_COMPONENT -> "MESSAGE_COMPONENT";
            case AUTOCOMPLETE -> "APPLICATION_COMMAND_AUTOCOMPLETE";
            case MODAL_SUBMIT -> "MODAL_SUBMIT";
            default -> "type " + type;
        };
    }
}
