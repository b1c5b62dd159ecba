/**
 * The evaluation methods of issue 6, as plain Java: no Spring, no database, no I/O.
 *
 * <p>Services read targets, observations, milestones, reports and survey waves from the database,
 * turn them into the records of this package, and call the assessors. Everything here is a pure
 * function of its inputs, so a status or an index can be recomputed at any time and explained.
 * The formulas, their defaults and worked examples are in {@code docs/methodology.md}.
 */
package cn.gongfu.evaluation.method;
