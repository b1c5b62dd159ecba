package cn.gongfu.unit;

/**
 * One unit was merged into another ({@link UnitService#merge}): each module that keeps units moves what it holds of
 * {@code mergedId} to {@code survivorId}, listening synchronously so that the merge is one transaction. What is
 * history (accepted reports, ranking snapshots) stays with the merged unit, which is kept.
 */
public record UnitsMerged(String regionCode, long survivorId, long mergedId) {}
