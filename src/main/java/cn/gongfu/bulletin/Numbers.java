package cn.gongfu.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as a bulletin prints them. */
final class Numbers {

    private Numbers() {}

    /** 6.6, 12, 0.35: at most two decimals, no trailing zeros. */
    static String plain(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A share as a percentage with one decimal: 0.456 → 45.6%. */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
