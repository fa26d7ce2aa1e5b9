package dev.loop.issue;

import java.util.List;

/**
 * Whom a message to an issue's requesters reached: in the thread they asked in, by DM when that thread could not
 * take it, or not at all (the thread is locked or gone and their DMs are closed). Engineers are told the truth.
 */
public record Told(List<Long> inThread, List<Long> byDm, List<Long> unreachable) {

    public Told {
        inThread = List.copyOf(inThread);
        byDm = List.copyOf(byDm);
        unreachable = List.copyOf(unreachable);
    }

    /** How many people the message reached, either way. */
    public int reached() {
        return inThread.size() + byDm.size();
    }

    /** Everyone it was meant for. */
    public int addressed() {
        return reached() + unreachable.size();
    }

    /** "; 1 couldn't be reached (DMs closed)" after a sentence about who was told; empty when nobody was missed. */
    public String unreachableNote() {
        return unreachable.isEmpty() ? "" : "; " + unreachable.size() + " couldn't be reached (DMs closed)";
    }

    /** For the issue history: "2 people", "1 person; 1 couldn't be reached (DMs closed)". */
    public String people() {
        return reached() + (reached() == 1 ? " person" : " people") + unreachableNote();
    }
}
