package cn.gongfu.ingest;

/** The years a plan covers, e.g. （2021—2025年） or a single year for annual work points. */
public record Period(int from, int to) {
}
