/**
 * The composition root: the product's entry point ({@link dev.loop.app.Main}: run, check, invite) and the wiring of
 * every feature ({@link dev.loop.app.Features}), including the ports through which one feature reacts to another
 * (an issue captured → triage asks its first question; a support thread recognised → capture links it).
 *
 * <p>May import: everything in the product ({@code core}, {@code issue}, the features). Nothing imports it except the
 * tools ({@code sandbox}, {@code bench}) and tests, which start Loop with the same feature list.
 */
package dev.loop.app;
