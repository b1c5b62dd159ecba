package cn.gongfu.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A project (项目) under a plan's task, as stored, with its milestones. Amounts in 万元. */
public record Project(long id, long planId, String planTitle, long taskId, String taskCode, String taskTitle, long unitId,
                      String unitName, String regionCode, String regionName, String name, BigDecimal planned,
                      Integer annualYear, BigDecimal annualPlanned, LocalDate start, LocalDate plannedEnd, int version,
                      List<Milestone> milestones) {

    /** A milestone (节点); {@code locked}: its done date came with a report the office accepted. */
    public record Milestone(long id, String name, LocalDate due, LocalDate done, Long doneReport, boolean locked) {}

    /** One month's report (月报): a draft of the unit until the office accepts it. */
    public record Report(long id, long projectId, String period, BigDecimal completedMonth, BigDecimal completedTotal,
                         int percent, String text, String state, int version, String updatedBy, LocalDateTime updatedAt,
                         String acceptedBy, LocalDateTime acceptedAt) {
        public static final String DRAFT = "draft";
        public static final String ACCEPTED = "accepted";

        public boolean accepted() {
            return ACCEPTED.equals(state);
        }
    }

    /** A project as listed, with its figures as of the month the list is for and its status. */
    public record Row(long id, String name, long planId, long taskId, String taskCode, String taskTitle, long unitId,
                      String unitName, String regionCode, String regionName, BigDecimal planned, BigDecimal completed,
                      String lastPeriod, Integer percent, LocalDate start, LocalDate plannedEnd,
                      ProjectStatusRule.Outcome outcome) {}

    /** Count, planned and completed (万元) and the rate (completed ÷ planned, percent; null where nothing is planned). */
    public record Totals(String key, String name, int count, BigDecimal planned, BigDecimal completed, Double rate) {}
}
