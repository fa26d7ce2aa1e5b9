package dev.loop.issue;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int pageSize, int total) {
    public int pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
