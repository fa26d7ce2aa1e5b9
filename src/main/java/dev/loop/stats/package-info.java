/**
 * KPIs: the input and output metrics of the feedback loop computed as pure functions over small fact records
 * ({@link dev.loop.stats.Kpis}), the weekly captured-vs-shipped series for the chart and the week-over-week change
 * for the weekly report. Loading the facts and drawing the chart live elsewhere.
 */
package dev.loop.stats;
