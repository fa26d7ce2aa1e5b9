/**
 * Reliability end to end: the real Loop against the Discord simulator while things go wrong — gateway drops and
 * invalid sessions, 5xx and 429 answers on the routes interactions use, people without the engineer role pressing
 * engineers' controls, hostile text through every text surface, and threads that are archived, locked or gone.
 * Each test class runs one simulator and one Loop; every test works on its own posts and words.
 */
package dev.loop.reliability;
