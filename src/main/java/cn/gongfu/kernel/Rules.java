package cn.gongfu.kernel;

/**
 * The bilingual messages of the Bean Validation rules on input records ({@code @Size(max = 200, message =
 * Rules.TOO_LONG)}). The limits themselves are written once, on the record field, from the column's size in the
 * migrations; {@code {max}} is filled in by the validator.
 */
public final class Rules {

    public static final String TOO_LONG = "过长，最多 {max} 个字符 is too long: at most {max} characters";
    public static final String REQUIRED = "必填 required";
    public static final String RANGE = "应在 {min} 到 {max} 之间 must be between {min} and {max}";
    public static final String MONTH = "应为年月，如 2025-06 must be a month such as 2025-06";

    public static final String NOT_NEGATIVE = "不能为负数 must not be negative";
    /** An amount in 万元 as V36 stores it (numeric(14, 2)). */
    public static final String AMOUNT = "金额最多 12 位整数、2 位小数 at most 12 digits before the point and 2 after";

    private Rules() {}
}
