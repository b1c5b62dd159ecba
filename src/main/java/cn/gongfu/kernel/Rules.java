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

    private Rules() {}
}
