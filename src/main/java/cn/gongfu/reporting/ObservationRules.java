package cn.gongfu.reporting;

import cn.gongfu.indicator.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a reported indicator value must pass, each saying why: present, within range for its unit,
 * a cumulative indicator never falling, and a jump beyond the threshold against the previous period only
 * with an explanation. Pure: the same rules serve the web form, the Excel upload and the machine feed.
 */
public final class ObservationRules {

    /** A change of more than half the previous value needs an explanation. */
    public static final BigDecimal JUMP_THRESHOLD = new BigDecimal("0.5");

    private ObservationRules() {}

    /** One broken rule: the field it concerns and a message in Chinese and English. */
    public record Violation(String field, String message) {}

    public static List<Violation> check(Indicator indicator, BigDecimal value, BigDecimal previous, String explanation) {
        List<Violation> errors = new ArrayList<>();
        if (value == null) {
            if (!"qualitative".equals(indicator.polarity()) && !"milestone".equals(indicator.polarity())) {
                errors.add(new Violation("value", "请填写数值 a value is required"));
            }
            return errors;
        }
        String unit = indicator.unit() == null ? "" : indicator.unit();
        boolean change = indicator.name().contains("增长") || indicator.name().contains("增速") || indicator.name().contains("变化");
        if (unit.equals("%") && !change && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new Violation("value", "百分比应在0到100之间 a percentage must lie between 0 and 100, got " + plain(value)));
        } else if (unit.equals("‰") && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            errors.add(new Violation("value", "千分比应在0到1000之间 a per-mille value must lie between 0 and 1000, got " + plain(value)));
        } else if (!change && value.signum() < 0) {
            errors.add(new Violation("value", "数值不能为负 the value cannot be negative, got " + plain(value)));
        }
        if (previous != null && indicator.cumulative() && value.compareTo(previous) < 0) {
            errors.add(new Violation("value", "累计指标不能下降：上期为 " + plain(previous) + "，本期为 " + plain(value)
                    + " a cumulative indicator cannot fall from " + plain(previous) + " to " + plain(value)));
        }
        if (previous != null && previous.signum() != 0 && (explanation == null || explanation.isBlank())) {
            BigDecimal jump = value.subtract(previous).abs().divide(previous.abs(), 4, RoundingMode.HALF_UP);
            if (jump.compareTo(JUMP_THRESHOLD) > 0) {
                errors.add(new Violation("explanation", "较上期变化 " + jump.movePointRight(2).stripTrailingZeros().toPlainString()
                        + "%，超过 50%，请说明原因 the value changes by more than 50% against the previous period ("
                        + plain(previous) + "): explain why"));
            }
        }
        return errors;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
