package dev.loop.core;

import dev.loop.core.config.Config;
import dev.loop.core.discord.Engineers;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every feature is constructed with. {@code workers} runs handlers off the gateway thread; {@code scheduler}
 * runs routines.
 */
public record Services(
        Config config,
        Database database,
        Clock clock,
        Engineers engineers,
        ExecutorService workers,
        ScheduledExecutorService scheduler) {}
