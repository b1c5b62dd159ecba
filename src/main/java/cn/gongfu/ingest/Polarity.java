package cn.gongfu.ingest;

/** Which way an indicator should move; guessed by the parser, confirmed by people in the importer. */
public enum Polarity {
    HIGHER, LOWER, MILESTONE, QUALITATIVE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
