package cn.gongfu.supervision;

import cn.gongfu.kernel.YearlyNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision orders' numbers in the office's style ({@code gongfu.items.number-pattern}, default
 * 共富督〔{year}〕{seq}号), counted per region and year in this module's {@code item_number}.
 */
@Component
class ItemNumbers {

    private final YearlyNumbers numbers;

    ItemNumbers(JdbcClient jdbc, @Value("${gongfu.items.number-pattern}") String pattern) {
        this.numbers = new YearlyNumbers(jdbc, "item_number", pattern);
    }

    /** The next number of the region's year; call inside the transaction that uses it. */
    YearlyNumbers.Number next(String regionCode, int year) {
        return numbers.next(regionCode, year);
    }
}
