package cn.gongfu.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One hostile value of the fixed corpus: as text (a query, path or form value) and as a JSON fragment
 * (what goes in place of a body field's value). A value with {@code text == null} exists only in JSON
 * (wrong types), one with {@code json == null} only as text. {@link #INVALID_UTF8} is sent as raw bytes.
 */
record Hostile(String label, String text, String json) {

    /** A marker: sent as the bytes C3 28 FF, which are not UTF-8, wherever the channel carries bytes. */
    static final String INVALID_UTF8 = "\u0000invalid-utf8\u0000";

    static final byte[] INVALID_UTF8_BYTES = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    static final List<Hostile> CORPUS = List.of(
            // numbers beyond any column: huge and tiny exponents, too many digits, too many decimals
            new Hostile("huge exponent", "1e10000000", "1e10000000"),
            new Hostile("huge negative exponent", "-1e10000000", "-1e10000000"),
            new Hostile("tiny exponent", "1e-10000000", "1e-10000000"),
            new Hostile("23 digits", "12345678901234567890123", "12345678901234567890123"),
            new Hostile("13 decimals", "0.1234567890123", "0.1234567890123"),
            new Hostile("NaN", "NaN", "NaN"),
            new Hostile("NaN as a string", null, "\"NaN\""),
            new Hostile("Infinity", "Infinity", "Infinity"),
            new Hostile("-Infinity", "-Infinity", "\"-Infinity\""),
            new Hostile("negative", "-1", "-1"),
            // text PostgreSQL refuses or no column holds
            new Hostile("10,000 characters", "长".repeat(10_000), quote("长".repeat(10_000))),
            new Hostile("100,000 characters", "x".repeat(100_000), quote("x".repeat(100_000))),
            new Hostile("NUL", "a\u0000b", "\"a\\u0000b\""),
            new Hostile("lone surrogate", "a\uD800b", "\"a\\ud800b\""),
            new Hostile("invalid UTF-8", INVALID_UTF8, quote(INVALID_UTF8)),
            new Hostile("empty", "", "\"\""),
            // wrong JSON types
            new Hostile("string for a number", null, "\"abc\""),
            new Hostile("array for a value", null, "[1,2]"),
            new Hostile("object for a value", null, "{\"a\":1}"),
            new Hostile("boolean for a value", null, "true"),
            new Hostile("null", null, "null"));

    /** Bodies that are wrong as a whole: the field slot is the body itself. */
    static final List<Hostile> BODIES = List.of(
            new Hostile("empty body", "", null),
            new Hostile("not JSON", "{\"a\":", null),
            new Hostile("array for an object", "[]", null),
            new Hostile("object for an array", "{}", null),
            new Hostile("string for an object", "\"x\"", null),
            new Hostile("null body", "null", null),
            new Hostile("invalid UTF-8 body", INVALID_UTF8, null));

    boolean invalidUtf8() {
        return INVALID_UTF8.equals(text) || INVALID_UTF8.equals(json);
    }

    /** The bytes of a document in which {@link #INVALID_UTF8} stands for the raw bytes C3 28 FF. */
    static byte[] bytes(String document) {
        String[] parts = document.split(Pattern.quote(INVALID_UTF8), -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) out.writeBytes(INVALID_UTF8_BYTES);
            out.writeBytes(parts[k].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    @Override
    public String toString() {
        return label;
    }
}
