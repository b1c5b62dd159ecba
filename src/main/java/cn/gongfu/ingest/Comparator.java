package cn.gongfu.ingest;

/** How a target value is to be read; the JSON code is the lower-case name used by the extraction contract. */
public enum Comparator {
    GE, GT, LE, LT, EQ, RANGE, ASSIGNED, QUALITATIVE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when a larger number is the wanted direction ("达到", "以上"). */
    public boolean isUpward() {
        return this == GE || this == GT;
    }

    public boolean isDownward() {
        return this == LE || this == LT;
    }
}
