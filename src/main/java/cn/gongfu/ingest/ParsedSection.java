package cn.gongfu.ingest;

/**
 * A node of the plan's outline: chapter (一、), section (（一）), theme (——…), annex group.
 * parentId is null for top-level nodes; line is the 1-based line in the source text.
 */
public record ParsedSection(String id, String parentId, String label, String title, String kind, int line) {
}
