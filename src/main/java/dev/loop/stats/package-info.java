/**
 * KPIs: the input and output metrics of the feedback loop computed as pure functions over small fact records
 * ({@link dev.loop.stats.Kpis}), the weekly captured-vs-shipped series and the week-over-week change; loading the facts
 * ({@link dev.loop.stats.StatsStore}), the PNG chart ({@link dev.loop.stats.StatsChart}), {@code /stats show} and the weekly
 * report routine ({@link dev.loop.stats.StatsFeature}, {@link dev.loop.stats.WeeklyReport}); goals for the KPIs
 * ({@code /stats goal}: {@link dev.loop.stats.GoalMetric}, {@link dev.loop.stats.GoalStore}, judged with their trend
 * charts by {@link dev.loop.stats.GoalReview}) and the monthly review on the first of each month
 * ({@link dev.loop.stats.MonthlyReport}).
 *
 * <p>May import: {@code core}, {@code issue} (the area option), JDA, jOOQ. {@link dev.loop.stats.StatsStore} reads the issue tables directly for its
 * report (one query instead of an issue at a time) and never writes them; ArchitectureTest allows exactly that
 * arrow into the kernel's tables.
 */
package dev.loop.stats;
