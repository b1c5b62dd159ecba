package cn.gongfu.ingest;

/** Reads Chinese numerals as plans write them: 十二, 二十三, 两, 一百零五, 三千. */
final class ChineseNumerals {

    static final String DIGITS = "零〇一二两三四五六七八九";
    static final String CHARS = "零〇一二两三四五六七八九十百千";

    private ChineseNumerals() {
    }

    static boolean isNumeral(char c) {
        return CHARS.indexOf(c) >= 0;
    }

    /** Returns -1 when the text is not a plain Chinese or Arabic number. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() > 9 ? -1 : Integer.parseInt(s);
        }
        int total = 0;
        int current = 0;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                current = d;
                any = true;
            } else if (c == '十' || c == '百' || c == '千') {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 && !any ? 1 : current == 0 ? 1 : current) * unit;
                current = 0;
                any = true;
            } else {
                return -1;
            }
        }
        return any ? total + current : -1;
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (what Word's Chinese list numbering shows). */
    static String format(int n) {
        if (n <= 0 || n >= 1000) {
            return String.valueOf(n);
        }
        String digits = "零一二三四五六七八九";
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        StringBuilder sb = new StringBuilder();
        if (hundreds > 0) {
            sb.append(digits.charAt(hundreds)).append('百');
        }
        if (tens > 0) {
            if (!(tens == 1 && hundreds == 0)) {
                sb.append(digits.charAt(tens));
            }
            sb.append('十');
        } else if (hundreds > 0 && ones > 0) {
            sb.append('零');
        }
        if (ones > 0) {
            sb.append(digits.charAt(ones));
        }
        return sb.toString();
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
