package cn.gongfu.reporting;

import static cn.gongfu.web.BundleText.englishFirst;
import java.util.List;

/** A rejected feed: nothing was stored. {@code errors} holds the first problems, {@code total} counts them all. */
public class FeedException extends RuntimeException {

    private final List<FeedError> errors;
    private final long total;

    public FeedException(List<FeedError> errors, long total) {
        super(englishFirst("feed.error.rejected", total)
                + (errors.isEmpty() ? "" : "; first: row " + errors.get(0).row() + " " + errors.get(0).field() + ": " + errors.get(0).message()));
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    public static FeedException of(long row, String field, String message) {
        return new FeedException(List.of(new FeedError(row, field, message)), 1);
    }

    public List<FeedError> errors() {
        return errors;
    }

    public long total() {
        return total;
    }
}
