package cn.gongfu.region;

/** An administrative region (行政区划) identified by its GB/T 2260 code. */
public record Region(String code, String name, String level, String parentCode) {}
