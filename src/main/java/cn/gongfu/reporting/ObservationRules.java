package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.indicator.Indicator;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.vocabulary.Polarity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a reported indicator value must pass, each saying why: present, storable exactly
 * ({@link StoredNumber}, checked first so that no rule computes with an unbounded number), within range for its unit,
 * a cumulative indicator never falling, and a jump beyond the threshold against the previous period only
 * with an explanation. Pure: the same rules serve the web form, the Excel upload and the machine feed.
 */
public final class ObservationRules {

    /** A change of more than half the previous value needs an explanation. */
    public static final BigDecimal JUMP_THRESHOLD = new BigDecimal("0.5");

    private ObservationRules() {}

    /** One broken rule: the field it concerns and a message in Chinese and English. */
    public record Violation(String field, String message) {}

    /** Words in a name that mark a rate of change (增长, 增速, 变化): such a value may be negative or beyond 100%. */
    public static final List<String> CHANGE_WORDS = List.of("增长", "增速", "变化");
    public static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);
    public static final BigDecimal PER_MILLE_MAX = BigDecimal.valueOf(1000);
    /** Digits kept when the jump ratio is compared with the threshold. */
    public static final int JUMP_SCALE = 4;

    public static List<Violation> check(Indicator indicator, BigDecimal value, BigDecimal previous, String explanation) {
        List<Violation> errors = new ArrayList<>();
        if (value == null) {
            if (valueRequired(indicator.polarity())) {
                errors.add(new Violation("value", valueRequiredMessage()));
            }
            return errors;
        }
        String unstorable = StoredNumber.problem(value);
        if (unstorable != null) return List.of(new Violation("value", unstorable));
        String unit = indicator.unit() == null ? "" : indicator.unit();
        boolean change = isChange(indicator.name());
        if (unit.equals("%") && !change && (value.signum() < 0 || value.compareTo(PERCENT_MAX) > 0)) {
            errors.add(new Violation("value", percentOutOfRange(value)));
        } else if (unit.equals("‰") && (value.signum() < 0 || value.compareTo(PER_MILLE_MAX) > 0)) {
            errors.add(new Violation("value", perMilleOutOfRange(value)));
        } else if (!change && value.signum() < 0) {
            errors.add(new Violation("value", negative(value)));
        }
        if (previous != null && indicator.cumulative() && value.compareTo(previous) < 0) {
            errors.add(new Violation("value", cumulativeFalls(previous, value)));
        }
        if (previous != null && previous.signum() != 0 && (explanation == null || explanation.isBlank())) {
            BigDecimal jump = jump(value, previous);
            if (jump.compareTo(JUMP_THRESHOLD) > 0) {
                errors.add(new Violation("explanation", jumpNeedsExplanation(jump, previous)));
            }
        }
        return errors;
    }

    // The pieces below are shared with the machine feed, which checks the same rules set-based in SQL
    // (reporting.feed.FeedSql) and words its errors with these messages.

    /** Qualitative and milestone indicators may be reported without a number. */
    public static boolean valueRequired(String polarity) {
        return !Polarity.isCode(polarity) || !Polarity.fromCode(polarity).isEvent();
    }

    public static boolean isChange(String indicatorName) {
        return CHANGE_WORDS.stream().anyMatch(indicatorName::contains);
    }

    public static String valueRequiredMessage() {
        return both("observation.required");
    }

    public static String percentOutOfRange(BigDecimal value) {
        return both("observation.percent", plain(value));
    }

    public static String perMilleOutOfRange(BigDecimal value) {
        return both("observation.perMille", plain(value));
    }

    public static String negative(BigDecimal value) {
        return both("observation.negative", plain(value));
    }

    public static String cumulativeFalls(BigDecimal previous, BigDecimal value) {
        return both("observation.cumulativeFalls", plain(previous), plain(value));
    }

    /** The jump ratio of a value against the previous one, as compared with {@link #JUMP_THRESHOLD}. */
    public static BigDecimal jump(BigDecimal value, BigDecimal previous) {
        return value.subtract(previous).abs().divide(previous.abs(), JUMP_SCALE, RoundingMode.HALF_UP);
    }

    public static String jumpNeedsExplanation(BigDecimal jump, BigDecimal previous) {
        return both("observation.jump", jump.movePointRight(2).stripTrailingZeros().toPlainString(), plain(previous));
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
