/**
 * The bot's lifecycle: {@link dev.loop.core.Main} (entry point), {@link dev.loop.core.Loop} (explicit wiring of
 * config, database, JDA and features, clean shutdown), {@link dev.loop.core.Database} (the one gateway to SQLite)
 * and {@link dev.loop.core.Features} (the list of features).
 */
package dev.loop.core;
