/** Text helpers for echoing what people typed: limits, single lines, neutralised mentions. */
package dev.loop.core.text;
