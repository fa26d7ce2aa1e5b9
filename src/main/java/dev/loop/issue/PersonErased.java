package dev.loop.issue;

import java.util.Map;

/**
 * The port through which erasing a person's data reaches the tables other features keep about them per issue (a
 * This blocks me press, an answer to a proposal): each row becomes the anonymous id the person's requester entry of
 * that issue became ({@code anonymousIds}, issue number → id), or a fresh one, so counts stay true. Wired in
 * {@code dev.loop.app}.
 */
@FunctionalInterface
public interface PersonErased {

    void erased(long userId, Map<Integer, Long> anonymousIds);

    PersonErased NOBODY_ELSE = (userId, anonymousIds) -> {};
}
