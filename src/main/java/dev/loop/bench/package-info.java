/**
 * The benchmarks behind {@code ./run.sh bench}: interaction latency next to a no-op bot, support-channel ingestion,
 * release fan-out under Discord's global rate limit, memory and start-up, and duplicate-suggestion search. They drive
 * the real Loop against the built-in Discord simulator and print each figure next to its target. Nothing in the bot
 * depends on this package; it lives in the main source tree only so the jar can run it.
 *
 * <p>A tool with its own entry point ({@link dev.loop.bench.BenchMain}). May import {@code app}, the features,
 * {@code core} and {@code sim}.
 */
package dev.loop.bench;
