package dev.loop.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Discord error response: HTTP status plus the JSON body Discord would send. Thrown anywhere below a REST
 * handler and turned into the response by {@link RestServer}.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final transient ObjectNode body;

    ApiError(int status, ObjectNode body) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
    }

    static ApiError of(int status, int code, String message) {
        ObjectNode body = Json.obj();
        body.put("message", message);
        body.put("code", code);
        return new ApiError(status, body);
    }

    int code() {
        return body.path("code").asInt();
    }

    static ApiError unauthorized() {
        return of(401, 0, "401: Unauthorized");
    }

    static ApiError notFound() {
        return of(404, 0, "404: Not Found");
    }

    static ApiError methodNotAllowed() {
        return of(405, 0, "405: Method Not Allowed");
    }

    static ApiError unknownChannel() {
        return of(404, 10003, "Unknown Channel");
    }

    static ApiError unknownGuild() {
        return of(404, 10004, "Unknown Guild");
    }

    static ApiError unknownMember() {
        return of(404, 10007, "Unknown Member");
    }

    static ApiError unknownMessage() {
        return of(404, 10008, "Unknown Message");
    }

    static ApiError unknownRole() {
        return of(404, 10011, "Unknown Role");
    }

    static ApiError unknownUser() {
        return of(404, 10013, "Unknown User");
    }

    static ApiError unknownEmoji() {
        return of(400, 10014, "Unknown Emoji");
    }

    static ApiError unknownWebhook() {
        return of(404, 10015, "Unknown Webhook");
    }

    static ApiError unknownInteraction() {
        return of(404, 10062, "Unknown interaction");
    }

    static ApiError unknownCommand() {
        return of(404, 10063, "Unknown application command");
    }

    static ApiError unknownTag() {
        return of(400, 10087, "Unknown Tag");
    }

    static ApiError alreadyAcknowledged() {
        return of(400, 40060, "Interaction has already been acknowledged.");
    }

    static ApiError missingAccess() {
        return of(403, 50001, "Missing Access");
    }

    static ApiError cannotEditOthers() {
        return of(403, 50005, "Cannot edit a message authored by another user");
    }

    static ApiError emptyMessage() {
        return of(400, 50006, "Cannot send an empty message");
    }

    static ApiError cannotMessageUser(int status) {
        return of(status, 50007, "Cannot send messages to this user");
    }

    static ApiError nonTextChannel() {
        return of(400, 50008, "Cannot send messages in a non-text channel");
    }

    static ApiError missingPermissions() {
        return of(403, 50013, "Missing Permissions");
    }

    static ApiError systemMessage() {
        return of(400, 50021, "Cannot execute action on a system message");
    }

    static ApiError invalidWebhookToken() {
        return of(401, 50027, "Invalid Webhook Token");
    }

    static ApiError threadArchived() {
        return of(400, 50083, "Thread is archived");
    }

    static ApiError threadLocked() {
        return of(403, 160005, "Thread is locked");
    }

    static ApiError tooManyReactions() {
        return of(400, 30010, "Maximum number of reactions reached (20)");
    }

    static ApiError tagRequired() {
        return of(400, 40067, "A tag is required to create a forum post in this channel");
    }

    static ApiError pollExpired() {
        return of(400, 520001, "Poll expired");
    }

    static ApiError cannotEditPoll() {
        return of(400, 520003, "Cannot edit a poll message");
    }

    static ApiError notAPoll() {
        return of(400, 520006, "Cannot expire a non-poll message");
    }

    static ApiError cannotEndOthersPoll() {
        return of(403, 50013, "You cannot end polls from other users");
    }
}
