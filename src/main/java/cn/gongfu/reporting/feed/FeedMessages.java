package cn.gongfu.reporting.feed;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.reporting.ObservationRules;
import java.math.BigDecimal;

/** The words of feed errors, Chinese and English; the value rules word theirs as {@link ObservationRules} does. */
final class FeedMessages {

    private FeedMessages() {}

    static String message(String code, String text, BigDecimal n1, BigDecimal n2) {
        String[] parts = code.split(":", 3);
        return switch (parts[0]) {
            case "columns" -> both("feed.error.columns", parts[1], parts[2]);
            case "quote" -> both("feed.error.quote");
            case "too-long" -> both("feed.error.tooLong", CsvFeedReader.MAX_FIELD);
            case "text-too-long" -> both("feed.error.textTooLong", FeedSql.MAX_TEXT);
            case "not-object" -> both("feed.error.notObject");
            case "unknown-field" -> both("feed.error.unknownField", parts[1]);
            case "not-scalar" -> both("feed.error.notScalar", parts[1]);
            case "unknown-indicator" -> text == null
                    ? both("feed.error.indicatorRequired")
                    : both("feed.error.unknownIndicator", text);
            case "unknown-region" -> text == null
                    ? both("feed.error.regionRequired")
                    : both("feed.error.unknownRegion", text);
            case "bad-period" -> text == null
                    ? both("feed.error.periodRequired")
                    : both("feed.error.badPeriod", text);
            case "bad-number" -> StoredNumber.problem(text);
            case "value-required" -> ObservationRules.valueRequiredMessage();
            case "percent" -> ObservationRules.percentOutOfRange(n1);
            case "per-mille" -> ObservationRules.perMilleOutOfRange(n1);
            case "negative" -> ObservationRules.negative(n1);
            case "cumulative" -> ObservationRules.cumulativeFalls(n1, n2);
            case "jump" -> ObservationRules.jumpNeedsExplanation(ObservationRules.jump(n2, n1), n1);
            case "duplicate" -> both("feed.error.duplicate", n1.toBigInteger());
            default -> code;
        };
    }
}
