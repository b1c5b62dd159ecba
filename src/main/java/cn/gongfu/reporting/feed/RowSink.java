package cn.gongfu.reporting.feed;

/**
 * Receives the rows of a feed as raw text, one call per row, without an object per row. The fields are
 * indexed by {@link Column}; a field that is absent is null. {@code problem} is a structural problem the
 * reader found (wrong number of fields…), null for a well-formed row.
 */
interface RowSink {

    enum Column {
        INDICATOR("indicator", "指标"), REGION("region", "行政区划", "地区", "区划"), PERIOD("period", "期别", "时期", "期间"),
        VALUE("value", "数值", "值"), COMMENT("comment", "备注"), EXPLANATION("explanation", "说明");

        final String[] names;

        Column(String... names) {
            this.names = names;
        }

        static Column named(String name) {
            String n = name.strip();
            for (Column c : values()) for (String known : c.names) if (known.equalsIgnoreCase(n)) return c;
            return null;
        }

        static final int COUNT = values().length;
    }

    void row(long rowNo, String[] fields, String problem);
}
