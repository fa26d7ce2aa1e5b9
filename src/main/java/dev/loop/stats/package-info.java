/**
 * KPIs: the input and output metrics of the feedback loop computed as pure functions over small fact records
 * ({@link dev.loop.stats.Kpis}), the weekly captured-vs-shipped series and the week-over-week change; loading the facts
 * ({@link dev.loop.stats.StatsStore}), the PNG chart ({@link dev.loop.stats.StatsChart}), {@code /stats} and the weekly
 * report routine ({@link dev.loop.stats.StatsFeature}, {@link dev.loop.stats.WeeklyReport}).
 */
package dev.loop.stats;
