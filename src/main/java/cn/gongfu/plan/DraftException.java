package cn.gongfu.plan;

import java.util.List;

/** A plan draft that cannot be stored as it is; each problem names where in the draft it is. */
public class DraftException extends RuntimeException {

    private final List<String> problems;

    public DraftException(List<String> problems) {
        super(problems.size() + " problem(s) in the plan: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
