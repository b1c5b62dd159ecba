package cn.gongfu.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision orders' numbers in the office's style, sequential per region and year: {@code gongfu.items.number-pattern}
 * with {@code {year}} and {@code {seq}} (default 共富督〔{year}〕{seq}号). As for bulletins, the counter row
 * ({@code item_number}) is created once and raised by an update that holds its row lock until the sending transaction
 * ends, so two offices sending at once get consecutive numbers; the unique (region, year, seq) refuses a duplicate anyway.
 */
@Component
class ItemNumbers {

    private final JdbcClient jdbc;
    private final String pattern;

    ItemNumbers(JdbcClient jdbc, @Value("${gongfu.items.number-pattern}") String pattern) {
        if (!pattern.contains("{seq}")) throw new IllegalArgumentException("gongfu.items.number-pattern needs {seq}: " + pattern);
        this.jdbc = jdbc;
        this.pattern = pattern;
    }

    record Number(int year, int seq, String text) {}

    /** The next number of the region's year; call inside the sending transaction. */
    Number next(String regionCode, int year) {
        jdbc.sql("insert into item_number (region_code, number_year, last_seq) values (:r, :y, 0) on conflict do nothing")
                .param("r", regionCode).param("y", year).update();
        jdbc.sql("update item_number set last_seq = last_seq + 1 where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).update();
        int seq = jdbc.sql("select last_seq from item_number where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).query(Integer.class).single();
        return new Number(year, seq, pattern.replace("{year}", String.valueOf(year)).replace("{seq}", String.valueOf(seq)));
    }
}
