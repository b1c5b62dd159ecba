package cn.gongfu.reporting;

/** One problem of a feed: the row as numbered in the file (CSV: its line; JSON: its place in the array), the field, why. */
public record FeedError(long row, String field, String message) {}
