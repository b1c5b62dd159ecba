package cn.gongfu.kernel;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Official numbers in an office's style, sequential per region and year (共富督〔2026〕12号): a pattern with
 * {@code {year}} and {@code {seq}}, and a counter table {@code (region_code, number_year, last_seq)} that the calling
 * module owns and names. The counter row is created once and raised by an update, which holds its row lock until the
 * caller's transaction ends, so two offices numbering at once get consecutive numbers.
 */
public final class YearlyNumbers {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    public record Number(int year, int seq, String text) {}

    private final JdbcClient jdbc;
    private final String counterTable;
    private final String pattern;

    public YearlyNumbers(JdbcClient jdbc, String counterTable, String pattern) {
        if (!TABLE.matcher(counterTable).matches()) throw new IllegalArgumentException("not a table name: " + counterTable);
        if (!pattern.contains("{seq}")) throw new IllegalArgumentException("a number pattern needs {seq}: " + pattern);
        this.jdbc = jdbc;
        this.counterTable = counterTable;
        this.pattern = pattern;
    }

    /** The next number of the region's year; call inside the transaction that uses it. */
    public Number next(String regionCode, int year) {
        jdbc.sql("insert into " + counterTable + " (region_code, number_year, last_seq) values (:r, :y, 0) on conflict do nothing")
                .param("r", regionCode).param("y", year).update();
        jdbc.sql("update " + counterTable + " set last_seq = last_seq + 1 where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).update();
        int seq = jdbc.sql("select last_seq from " + counterTable + " where region_code = :r and number_year = :y")
                .param("r", regionCode).param("y", year).query(Integer.class).single();
        return new Number(year, seq, text(year, String.valueOf(seq)));
    }

    /** What a draft shows where its number will be: the year filled in and a blank for the sequence. */
    public String placeholder(int year) {
        return text(year, "  ");
    }

    private String text(int year, String seq) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{seq}", seq);
    }
}
