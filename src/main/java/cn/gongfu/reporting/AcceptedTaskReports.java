package cn.gongfu.reporting;

import cn.gongfu.plan.AcceptedReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan's question, answered from reporting's own tables: which task reports and milestone reports were accepted. */
@Component
class AcceptedTaskReports implements AcceptedReports {

    private final JdbcClient jdbc;

    AcceptedTaskReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int acceptedReportsOfTask(long taskId) {
        return jdbc.sql("""
                select count(*) from task_report r join submission s on s.id = r.submission_id
                where r.task_id = :task and s.state = 'accepted'""").param("task", taskId).query(Integer.class).single();
    }

    @Override
    public int acceptedReportsOfMilestone(long milestoneId) {
        return jdbc.sql("""
                select count(*) from milestone_report m join task_report r on r.id = m.task_report_id
                join submission s on s.id = r.submission_id
                where m.milestone_id = :milestone and s.state = 'accepted'""").param("milestone", milestoneId).query(Integer.class).single();
    }
}
