package dev.loop.setup;

import java.util.stream.Collectors;

/** The OAuth2 URL that adds Loop to a server with exactly the scopes and permissions it needs. */
public final class Invite {
    private Invite() {}

    public static String url(long applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + Long.toUnsignedString(applicationId)
                + "&scope=" + Needs.SCOPES.stream().collect(Collectors.joining("+"))
                + "&permissions=" + Needs.invitePermissions();
    }

    /** What {@code ./run.sh invite} prints: the URL, then what it asks for and why. */
    public static String text(long applicationId) {
        StringBuilder out = new StringBuilder();
        out.append("Open this URL signed in as an admin of your server and pick the server:\n\n")
                .append(url(applicationId))
                .append("\n\n")
                .append("Scopes: ")
                .append(String.join(", ", Needs.SCOPES))
                .append('\n')
                .append("Permissions (")
                .append(Needs.invitePermissions())
                .append("):\n");
        Needs.WHY.forEach((p, why) -> out.append("  ")
                .append(Needs.label(p))
                .append(" — ")
                .append(why)
                .append('\n'));
        out.append("Also enable under Bot > Privileged Gateway Intents in the Developer Portal:\n")
                .append("  Server Members Intent — to check engineer roles and resolve requesters and owners\n")
                .append("  Message Content Intent — to capture a thread's messages into the issue's transcript\n");
        return out.toString();
    }
}
