package dev.loop.core.discord;

import dev.loop.core.StorageUnavailable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.components.ComponentInteraction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every interaction to the feature that registered it and is the one central error path: a {@link UserError}
 * becomes its ephemeral sentence; anything else is logged with an error id and the person gets an ephemeral apology
 * with that id — never a stack trace. Handlers run on a worker pool so a slow database write never holds up the
 * gateway thread.
 *
 * <p>Component and modal custom ids follow the grammar of {@link ComponentId}: a feature registers the handler (the
 * part before the first colon) and reads the rest through a {@link ComponentId.Shape}, whose refusal of a forged or
 * stale id is a {@link UserError} and so ends here as a polite ephemeral answer.
 */
public final class InteractionRouter extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);

    @FunctionalInterface
    public interface Handler<E> {
        void handle(E event) throws Exception;
    }

    @FunctionalInterface
    public interface Completer {
        List<Command.Choice> complete(CommandAutoCompleteInteractionEvent event) throws Exception;
    }

    private final Map<String, Handler<SlashCommandInteractionEvent>> slash = new HashMap<>();
    private final Map<String, Completer> completers = new HashMap<>();
    private final Map<String, Handler<MessageContextInteractionEvent>> messageCommands = new HashMap<>();
    private final Map<String, Handler<ButtonInteractionEvent>> buttons = new HashMap<>();
    private final Map<String, Handler<StringSelectInteractionEvent>> selects = new HashMap<>();
    private final Map<String, Handler<ModalInteractionEvent>> modals = new HashMap<>();
    private final ExecutorService workers;
    private final FirstDelivery firstDelivery;

    /** Claims an interaction's id; false when it was already handled (a repeated delivery of the same event). */
    @FunctionalInterface
    public interface FirstDelivery {
        boolean claim(long interactionId);
    }

    private final DeadlineGuard guard;

    /** A router without a deadline guard: answers only ever go out the ordinary way. */
    public InteractionRouter(ExecutorService workers) {
        this(workers, id -> true, null);
    }

    /**
     * A router that drops a repeated delivery of an interaction ({@code firstDelivery} claims its id) and whose every
     * routed interaction is watched by {@code guard} (which must sit on JDA's HTTP client; null for none): one still
     * unanswered after {@link DeadlineGuard#ACK_AFTER} is acknowledged at once and answered when done.
     */
    public InteractionRouter(ExecutorService workers, FirstDelivery firstDelivery, DeadlineGuard guard) {
        this.workers = workers;
        this.firstDelivery = firstDelivery;
        this.guard = guard;
    }

    /** {@code path} is the full command path as typed: "capture", "issue show". */
    public InteractionRouter slash(String path, Handler<SlashCommandInteractionEvent> handler) {
        put(slash, path, handler);
        return this;
    }

    /** Autocomplete for one option of a command path; the same completer may serve several. */
    public InteractionRouter autocomplete(String path, String option, Completer completer) {
        put(completers, path + "#" + option, completer);
        return this;
    }

    public InteractionRouter messageCommand(String name, Handler<MessageContextInteractionEvent> handler) {
        put(messageCommands, name, handler);
        return this;
    }

    public InteractionRouter button(String prefix, Handler<ButtonInteractionEvent> handler) {
        put(buttons, prefix, handler);
        return this;
    }

    public InteractionRouter select(String prefix, Handler<StringSelectInteractionEvent> handler) {
        put(selects, prefix, handler);
        return this;
    }

    public InteractionRouter modal(String prefix, Handler<ModalInteractionEvent> handler) {
        put(modals, prefix, handler);
        return this;
    }

    private static <T> void put(Map<String, T> map, String key, T value) {
        if (map.putIfAbsent(key, value) != null) throw new IllegalStateException("registered twice: " + key);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        dispatch(event, slash.get(event.getFullCommandName()), "/" + event.getFullCommandName());
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        dispatch(event, messageCommands.get(event.getName()), "message command " + event.getName());
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        dispatch(event, buttons.get(ComponentId.handlerOf(event.getComponentId())), "button " + event.getComponentId());
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        dispatch(event, selects.get(ComponentId.handlerOf(event.getComponentId())), "select " + event.getComponentId());
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        dispatch(event, modals.get(ComponentId.handlerOf(event.getModalId())), "modal " + event.getModalId());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Completer completer = completers.get(
                event.getFullCommandName() + "#" + event.getFocusedOption().getName());
        if (completer == null) {
            event.replyChoices(List.of()).queue(null, e -> log.debug("autocomplete answer failed", e));
            return;
        }
        workers.execute(() -> {
            List<Command.Choice> choices;
            try {
                choices = completer.complete(event);
            } catch (Exception e) {
                log.warn("Autocomplete for {} failed", event.getFullCommandName(), e);
                choices = List.of();
            }
            List<Command.Choice> capped = choices.size() > 25 ? choices.subList(0, 25) : choices;
            event.replyChoices(capped).queue(null, e -> log.debug("autocomplete answer failed", e));
        });
    }

    private <E extends IReplyCallback> void dispatch(E event, Handler<E> handler, String what) {
        if (handler == null) {
            // a command or button from an older version of Loop that no longer exists
            reply(event, "That control is no longer in use. Run the command again to get a fresh one.");
            return;
        }
        if (guard != null) {
            // components are acknowledged with a deferred edit (the card stays as it is); commands and forms with an
            // ephemeral "thinking…"
            DeadlineGuard.Kind kind =
                    event instanceof ComponentInteraction ? DeadlineGuard.Kind.EDIT : DeadlineGuard.Kind.REPLY;
            guard.watch(
                    event.getIdLong(),
                    event.getToken(),
                    event.getJDA().getSelfUser().getApplicationIdLong(),
                    kind);
        }
        workers.execute(() -> {
            if (!claimed(event, what)) return;
            run(event, handler, what);
        });
    }

    /**
     * Whether this is the first delivery of the interaction. A repeat is dropped silently: the first delivery
     * answers, and Discord accepts one answer per interaction anyway.
     */
    private boolean claimed(IReplyCallback event, String what) {
        try {
            if (firstDelivery.claim(event.getIdLong())) return true;
            log.info("Dropped a repeated delivery of {} (interaction {})", what, event.getId());
            return false;
        } catch (RuntimeException e) {
            // the claim could not be stored: handle it anyway; the handler's own unique keys are the second guard
            log.warn("Could not record interaction {}: {}", event.getId(), e.toString());
            return true;
        }
    }

    private <E extends IReplyCallback> void run(E event, Handler<E> handler, String what) {
        try {
            handler.handle(event);
        } catch (UserError e) {
            reply(event, e.getMessage());
        } catch (Throwable e) {
            var unavailable = StorageUnavailable.in(e);
            if (unavailable.isPresent()) {
                // a full disk or a lock held elsewhere: the write was rolled back whole, and trying later works
                log.warn(
                        "Could not save {} for user {}: {}",
                        what,
                        event.getUser().getId(),
                        unavailable.get().getMessage());
                reply(event, StorageUnavailable.SENTENCE);
                return;
            }
            String errorId = newErrorId();
            log.error(
                    "Error {} handling {} for user {}",
                    errorId,
                    what,
                    event.getUser().getId(),
                    e);
            reply(event, Replies.failure(errorId));
            if (e instanceof Error err && !(e instanceof AssertionError)) throw err;
        }
    }

    /** An ephemeral answer whether or not the interaction was already acknowledged. */
    public static void reply(IReplyCallback event, String sentence) {
        MessageCreateData data = Replies.text(sentence);
        if (event.isAcknowledged()) {
            event.getHook()
                    .sendMessage(data)
                    .setEphemeral(true)
                    .queue(null, e -> log.warn("Could not deliver an error reply: {}", e.toString()));
        } else {
            event.reply(data)
                    .setEphemeral(true)
                    .queue(null, e -> log.warn("Could not deliver an error reply: {}", e.toString()));
        }
    }

    static String newErrorId() {
        return Long.toString(
                        ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
    }
}
