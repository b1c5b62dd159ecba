package cn.gongfu.generate;

import java.util.Locale;
import java.util.Optional;

/** How big a generated data set is: one county, one city of counties, or a province of cities. */
public enum Scale {
    /** 1 city with 1 county of ~15 towns. */
    COUNTY(1, 1, '1'),
    /** 1 city of 8 counties. */
    CITY(1, 8, '2'),
    /** 11 cities, 90 counties, ~1,300 towns and streets. */
    PROVINCE(11, 90, '3');

    final int cities;
    final int counties;
    /** The second digit of the province's region code: 9S0000, so the scales never collide with each other. */
    final char digit;

    Scale(int cities, int counties, char digit) {
        this.cities = cities;
        this.counties = counties;
        this.digit = digit;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The region code of the province a data set of this scale is generated into when none is given. */
    public String provinceCode() {
        return "9" + digit + "0000";
    }

    public static Optional<Scale> of(String code) {
        for (Scale s : values()) if (s.code().equals(code)) return Optional.of(s);
        return Optional.empty();
    }
}
