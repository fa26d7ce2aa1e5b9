/**
 * KPIs: the input and output metrics of the feedback loop computed as pure functions over small fact records
 * ({@link dev.loop.stats.Kpis}), the weekly captured-vs-shipped series and the week-over-week change; loading the facts
 * ({@link dev.loop.stats.StatsStore}), the PNG chart ({@link dev.loop.stats.StatsChart}), {@code /stats} and the weekly
 * report routine ({@link dev.loop.stats.StatsFeature}, {@link dev.loop.stats.WeeklyReport}).
 *
 * <p>May import: {@code core}, JDA, jOOQ. {@link dev.loop.stats.StatsStore} reads the issue tables directly for its
 * report (one query instead of an issue at a time) and never writes them; ArchitectureTest allows exactly that
 * arrow into the kernel's tables.
 */
package dev.loop.stats;
