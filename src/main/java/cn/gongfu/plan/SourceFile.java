package cn.gongfu.plan;

/** The original document a plan was imported from, kept byte for byte with its SHA-256. */
public record SourceFile(String name, String contentType, String sha256, byte[] content) {}
