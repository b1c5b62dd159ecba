/**
 * Cases (典型案例 / 最佳实践, issue 16): a unit's write-up of what worked, for a plan and its tasks, submitted to the
 * office, selected, published on the public portal and listed for the bulletins and the annual report
 * ({@link cn.gongfu.cases.CaseService#selected}). Owns {@code case_study}, {@code case_task}, {@code case_file},
 * {@code case_entry}.
 */
package cn.gongfu.cases;
