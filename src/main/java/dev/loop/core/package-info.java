/**
 * The ground floor: the bot's lifecycle ({@link dev.loop.core.Loop}: JDA, features, routines, clean shutdown), the
 * {@link dev.loop.core.Feature} contract every feature implements, {@link dev.loop.core.Database} (the one gateway to
 * SQLite), clocks and routine bookkeeping. Sub-packages hold configuration, Discord plumbing and text safety.
 *
 * <p>May import: the JDK, JDA, jOOQ and the generated {@code dev.loop.db} classes. Never a feature, {@code issue} or
 * {@code app}: which features run is decided above, in {@code dev.loop.app}.
 */
package dev.loop.core;
