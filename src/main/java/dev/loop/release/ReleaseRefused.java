package dev.loop.release;

import java.util.List;

/**
 * A release that can't be published as asked (the version was taken or an issue changed since the preview), with
 * one sentence per reason for the engineer.
 */
public final class ReleaseRefused extends RuntimeException {
    private final List<String> reasons;

    public ReleaseRefused(List<String> reasons) {
        super(String.join(" ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
