package cn.gongfu.indicator;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Rules;
import cn.gongfu.vocabulary.Polarity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** An indicator as the office corrects it, before or after publishing. Limits are the columns' (V1: indicator). */
public record IndicatorInput(
        @Size(max = 30, message = Rules.TOO_LONG) String code,
        @NotBlank(message = Rules.REQUIRED) @Size(max = 300, message = Rules.TOO_LONG) String name,
        @Size(max = 50, message = Rules.TOO_LONG) String unit,
        @NotBlank(message = Rules.REQUIRED) String polarity,
        @Size(max = 100, message = Rules.TOO_LONG) String domain) {

    public List<FieldErrors.Error> problems() {
        List<FieldErrors.Error> problems = new ArrayList<>();
        if (!Polarity.isCode(polarity)) {
            problems.add(new FieldErrors.Error("polarity", BundleText.both("rules.oneOf", Polarity.codes())));
        }
        return problems;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
