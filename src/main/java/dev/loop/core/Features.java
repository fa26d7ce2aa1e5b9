package dev.loop.core;

import java.util.List;

/** The product: every feature Loop runs, constructed explicitly in one place. */
public final class Features {
    private Features() {
    }

    public static List<Feature> all(Services services) {
        return List.of();
    }
}
