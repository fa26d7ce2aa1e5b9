package dev.loop.core;

import dev.loop.core.discord.InteractionRouter;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * One product feature as the bot lifecycle sees it: the commands it adds, the interactions it answers, the gateway
 * events it listens to, and what it starts once Discord is ready. Features are constructed explicitly in
 * {@link Loop}.
 */
public interface Feature {

    default List<CommandData> commands() {
        return List.of();
    }

    default void routes(InteractionRouter router) {}

    default List<EventListener> listeners() {
        return List.of();
    }

    /** Called once JDA is ready and commands are registered (catch-up work, delivery workers, routines). */
    default void onReady(JDA jda) {}

    /** Stops anything the feature started; called before JDA shuts down. */
    default void close() {}
}
