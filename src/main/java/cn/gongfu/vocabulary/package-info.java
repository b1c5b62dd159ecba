/**
 * The words every feature shares, from the parser to the evaluation: how a target is read
 * ({@link cn.gongfu.vocabulary.TargetComparator}, with the one rule for what numbers a target needs), which way an
 * indicator should move ({@link cn.gongfu.vocabulary.Polarity}), reporting periods
 * ({@link cn.gongfu.vocabulary.Periods}) and when two units of measure differ
 * ({@link cn.gongfu.vocabulary.MeasureUnits}).
 *
 * <p>Plain Java that depends on nothing else of Gongfu, so the pure parser ({@code ingest}) and the pure
 * methods ({@code evaluation.method}) can use it as well as the features that store and show what they produce.
 * Each concept is defined here once; its codes are those of the extraction contract and of the database columns.
 */
package cn.gongfu.vocabulary;
