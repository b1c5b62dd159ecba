package cn.gongfu.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a filtered list: the items, where the page starts and how many match in all. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }
}
