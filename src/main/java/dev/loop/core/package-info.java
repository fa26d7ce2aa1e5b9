/**
 * The bot's lifecycle: {@link dev.loop.core.Main} (entry point), {@link dev.loop.core.Loop} (explicit wiring of
 * config, database, JDA and features, clean shutdown), {@link dev.loop.core.Database} (the one gateway to SQLite)
 * with its integrity check at start ({@link dev.loop.core.DamagedDatabase}) and the typed failure of a write that could
 * not be saved ({@link dev.loop.core.StorageUnavailable}), consistent copies of the database ({@link
 * dev.loop.core.Backups}, {@link dev.loop.core.BackupRoutine}) and {@link dev.loop.core.Features} (the list of
 * features).
 */
package dev.loop.core;
