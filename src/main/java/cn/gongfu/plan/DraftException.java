package cn.gongfu.plan;

import cn.gongfu.kernel.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A plan draft that cannot be stored as it is; each problem names where in the draft it is. */
public class DraftException extends ProblemException {

    private final List<String> problems;

    public DraftException(List<String> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-plan", problems.size() + " problem(s) in the plan: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("problems", problems);
    }
}
