package cn.gongfu.reporting.feed;

import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.reporting.ObservationRules;
import java.math.BigDecimal;

/** The words of feed errors, Chinese and English; the value rules word theirs as {@link ObservationRules} does. */
final class FeedMessages {

    private FeedMessages() {}

    static String message(String code, String text, BigDecimal n1, BigDecimal n2) {
        String[] parts = code.split(":", 3);
        return switch (parts[0]) {
            case "columns" -> "列数不符 this row has " + parts[1] + " fields, the header " + parts[2];
            case "quote" -> "引号未闭合 a quoted field is not closed before the end of the file";
            case "too-long" -> "内容过长 a field is longer than " + CsvFeedReader.MAX_FIELD + " characters";
            case "text-too-long" -> "超过 " + FeedSql.MAX_TEXT + " 字 longer than " + FeedSql.MAX_TEXT + " characters";
            case "not-object" -> "应为对象 each element of the array must be an object";
            case "unknown-field" -> "未知字段 unknown field '" + parts[1] + "'";
            case "not-scalar" -> "字段 " + parts[1] + " 应为文字或数字 field '" + parts[1] + "' must be a string or a number";
            case "unknown-indicator" -> text == null
                    ? "请填写指标 the indicator (id or exact name) is required"
                    : "未知指标 unknown indicator '" + text + "' (an id, or the exact name of an indicator of the row's region, within your scope)";
            case "unknown-region" -> text == null
                    ? "请填写行政区划代码 the region code is required"
                    : "未知或超出权限范围的行政区划 unknown region or outside your scope: '" + text + "'";
            case "bad-period" -> text == null
                    ? "请填写期别 the period is required"
                    : "期别格式错误 malformed period '" + text + "': write 2025, 2025Q1 or 2025-03";
            case "bad-number" -> StoredNumber.problem(text);
            case "value-required" -> ObservationRules.valueRequiredMessage();
            case "percent" -> ObservationRules.percentOutOfRange(n1);
            case "per-mille" -> ObservationRules.perMilleOutOfRange(n1);
            case "negative" -> ObservationRules.negative(n1);
            case "cumulative" -> ObservationRules.cumulativeFalls(n1, n2);
            case "jump" -> ObservationRules.jumpNeedsExplanation(ObservationRules.jump(n2, n1), n1);
            case "duplicate" -> "与第 " + n1.toBigInteger() + " 行重复 the same indicator, region and period as row " + n1.toBigInteger();
            default -> code;
        };
    }
}
