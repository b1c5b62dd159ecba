package cn.gongfu.bulletin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulletins' numbers in the office's style, sequential per region and year: {@code gongfu.bulletin.number-pattern}
 * with {@code {year}} and {@code {seq}} (default 共富办通报〔{year}〕{seq}号). The counter row is created once and then
 * raised by an update, which holds its row lock until the issuing transaction ends: two offices issuing at once get
 * consecutive numbers; the unique (region, year, seq) on bulletin would refuse a duplicate anyway.
 */
@Component
class BulletinNumbers {

    private final JdbcClient jdbc;
    private final String pattern;

    BulletinNumbers(JdbcClient jdbc, @Value("${gongfu.bulletin.number-pattern}") String pattern) {
        this.jdbc = jdbc;
        this.pattern = pattern;
    }

    record Number(int year, int seq, String text) {}

    /** The next number of the region's year; call inside the issuing transaction. */
    Number next(String regionCode, int year) {
        jdbc.sql("insert into bulletin_number (region_code, number_year, last_seq) values (:r, :y, 0) on conflict do nothing")
                .param("r", regionCode).param("y", year).update();
        jdbc.sql("update bulletin_number set last_seq = last_seq + 1 where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).update();
        int seq = jdbc.sql("select last_seq from bulletin_number where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).query(Integer.class).single();
        return new Number(year, seq, format(pattern, year, seq));
    }

    static String format(String pattern, int year, int seq) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{seq}", String.valueOf(seq));
    }

    /** What a draft shows where its number will be: the pattern with the year and a blank for the sequence. */
    String placeholder(int year) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{seq}", "  ");
    }
}
