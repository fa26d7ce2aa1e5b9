/**
 * Text helpers every feature uses before echoing something a person wrote back into Discord: truncation that never
 * breaks a character, markdown escaping and mention neutralising ({@link dev.loop.core.text.Safe}), and splitting
 * long text into messages under Discord's length limit ({@link dev.loop.core.text.Chunker}).
 *
 * <p>May import: the JDK only (pure rules).
 */
package dev.loop.core.text;
