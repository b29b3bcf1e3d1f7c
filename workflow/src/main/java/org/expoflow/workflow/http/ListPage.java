package org.expoflow.workflow.http;

import java.util.List;

/**
 * One page of a list a page shows a page at a time (the console's overdue steps, the task list): which page, of how many,
 * and how many items in all. A page asked for past the end shows the last.
 */
public record ListPage<T>(List<T> items, int page, int pages, int total) {

    public static <T> ListPage<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int shown = Math.min(Math.max(0, page), pages - 1);
        return new ListPage<>(all.subList(shown * size, Math.min(all.size(), (shown + 1) * size)), shown, pages, all.size());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }
}
