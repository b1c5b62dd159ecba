package cn.gongfu.indicator;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Rules;
import cn.gongfu.vocabulary.TargetComparator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A target as the office enters or corrects it, in an import's draft or on a published plan. Bean Validation checks
 * each field; {@link #problems()} the rules between them, the same the plan writer applies
 * ({@link TargetComparator#isSatisfiedBy}, numbers stored exactly).
 *
 * @param indicator the indicator's name (ignored where the target belongs to an indicator already)
 */
public record TargetInput(
        @Size(max = 300, message = Rules.TOO_LONG) String indicator,
        @NotBlank(message = Rules.REQUIRED) String comparator,
        BigDecimal value,
        BigDecimal min,
        BigDecimal max,
        @Size(max = 50, message = Rules.TOO_LONG) String unit,
        @NotNull(message = Rules.REQUIRED) @Min(value = 1949, message = Rules.RANGE) @Max(value = 2100, message = Rules.RANGE) Integer year,
        @Size(max = 1000, message = Rules.TOO_LONG) String text) {

    /** What is wrong between the fields, each naming its field; empty when the target can be stored. */
    public List<FieldErrors.Error> problems() {
        List<FieldErrors.Error> problems = new ArrayList<>();
        if (!TargetComparator.isCode(comparator)) {
            problems.add(new FieldErrors.Error("comparator", BundleText.both("rules.oneOf", TargetComparator.codes())));
            return problems;
        }
        TargetComparator c = TargetComparator.fromCode(comparator);
        if (!c.isSatisfiedBy(value, min, max)) {
            String field = c == TargetComparator.RANGE ? (min == null ? "min" : "max") : "value";
            problems.add(new FieldErrors.Error(field, BundleText.both(c == TargetComparator.RANGE ? "target.problem.needsMinMax" : "target.problem.needsValue")));
        }
        if (c == TargetComparator.RANGE && min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new FieldErrors.Error("max", BundleText.both("target.problem.maxBelowMin")));
        }
        check("value", value, problems);
        check("min", min, problems);
        check("max", max, problems);
        return problems;
    }

    private static void check(String field, BigDecimal n, List<FieldErrors.Error> problems) {
        String problem = StoredNumber.problem(n);
        if (problem != null) problems.add(new FieldErrors.Error(field, problem));
    }

    /** The text shown for the target: what the office wrote, else the value as the comparator reads it. */
    public String shownText() {
        if (text != null && !text.isBlank()) return text.strip();
        return TargetView.display(comparator, value, min, max, null) + (unit == null || unit.isBlank() ? "" : unit.strip());
    }

    public String cleanUnit() {
        return unit == null || unit.isBlank() ? null : unit.strip();
    }
}
