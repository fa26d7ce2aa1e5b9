/**
 * The issue record: the vocabulary every feature shares (issues, their kind, status and priority, places,
 * requesters, transcript and history) and the storage of the record itself.
 */
package dev.loop.issue;
