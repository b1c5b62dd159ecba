package cn.gongfu.bulletin;

import cn.gongfu.kernel.YearlyNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulletins' numbers in the office's style ({@code gongfu.bulletin.number-pattern}, default
 * 共富办通报〔{year}〕{seq}号), counted per region and year in this module's {@code bulletin_number}; the unique
 * (region, year, seq) on bulletin would refuse a duplicate anyway.
 */
@Component
class BulletinNumbers {

    private final YearlyNumbers numbers;

    BulletinNumbers(JdbcClient jdbc, @Value("${gongfu.bulletin.number-pattern}") String pattern) {
        this.numbers = new YearlyNumbers(jdbc, "bulletin_number", pattern);
    }

    /** The next number of the region's year; call inside the transaction that uses it. */
    YearlyNumbers.Number next(String regionCode, int year) {
        return numbers.next(regionCode, year);
    }

    /** What a draft shows where its number will be. */
    String placeholder(int year) {
        return numbers.placeholder(year);
    }
}
