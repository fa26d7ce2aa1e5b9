/**
 * Text helpers every feature uses before echoing something a person wrote back into Discord: truncation that never
 * breaks a character, mention neutralising, masked links shown as their URL and layout markup escaped
 * ({@link dev.loop.core.text.Safe}: the one place that makes user text inert, for every message), and splitting
 * long text into messages under Discord's length limit ({@link dev.loop.core.text.Chunker}).
 *
 * <p>May import: the JDK only (pure rules).
 */
package dev.loop.core.text;
