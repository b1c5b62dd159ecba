package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.englishFirst;

import cn.gongfu.kernel.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A rejected feed: nothing was stored. {@code errors} holds the first problems, {@code total} counts them all. */
public class FeedException extends ProblemException {

    private final List<FeedError> errors;
    private final long total;

    public FeedException(List<FeedError> errors, long total) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-feed", englishFirst("feed.error.rejected", total)
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

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("errors", errors);
        p.put("total", total);
        p.put("shown", errors.size());
        return p;
    }
}
