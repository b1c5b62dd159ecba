package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.TaskAssessment;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why an indicator or a task has its status, in the reader's language and with the numbers behind it
 * (the method layer's own reason line is English, for the API and the logs). Used by the dashboards as
 * {@code ${@assessmentText.indicator(a)}}.
 */
@Component("assessmentText")
class AssessmentText {

    private final MessageSource messages;

    public AssessmentText(MessageSource messages) {
        this.messages = messages;
    }

    public String indicator(Assessment a) {
        List<String> parts = new ArrayList<>();
        if (a.reportOverdue()) parts.add(text("reason.overdue"));
        if (a.targetMet()) parts.add(text("reason.targetMet"));
        if (a.progress() != null) parts.add(text("reason.progress", percent(a.progress()), percent(a.expectedProgress())));
        if (a.trendRatio() != null) parts.add(text("reason.trend", String.format("%.2f", a.trendRatio())));
        if (a.projectedValue() != null && a.targetYear() != null) {
            parts.add(text("reason.projection", String.valueOf(a.targetYear()), String.format("%.2f", a.projectedValue()), String.format("%.2f", a.goal())));
        }
        if (a.current() == null) parts.add(text("reason.noValue"));
        return String.join(text("reason.separator"), parts);
    }

    public String task(TaskAssessment t) {
        List<String> parts = new ArrayList<>();
        parts.add(text("reason.milestones", t.due(), t.doneOnTime(), t.doneLate(), t.overdue().size()));
        if (t.reportedPercent() != null) {
            parts.add(text("reason.reported", Math.round(t.reportedPercent()), Math.round(t.expectedPercent())));
        }
        return String.join(text("reason.separator"), parts);
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
