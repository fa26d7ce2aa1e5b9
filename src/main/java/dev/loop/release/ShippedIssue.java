package dev.loop.release;

import dev.loop.issue.Place;
import dev.loop.issue.Requester;
import java.util.List;
import java.util.Objects;

/** An issue in a release, with the places it was brought up and the people who asked for it. */
public record ShippedIssue(int number, String title, List<Place> places, List<Requester> requesters) {
    public ShippedIssue {
        Objects.requireNonNull(title, "title");
        places = List.copyOf(places);
        requesters = List.copyOf(requesters);
    }
}
