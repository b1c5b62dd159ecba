package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.TaskAssessment;
import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import cn.gongfu.indicator.Indicator;
import cn.gongfu.vocabulary.Polarity;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Why an indicator or a task has its status, in the reader's language and with the numbers behind it, rounded
 * (the method layer's own reason line is English, for the API and the logs); and the other figures pages show in
 * words: progress bounded to what it can mean, a unit's score components by name, an indicator's missing facts.
 * Used by the dashboards as {@code ${@assessmentText.indicator(a)}}.
 */
@org.springframework.stereotype.Component("assessmentText")
class AssessmentText {

    private final MessageSource messages;

    public AssessmentText(MessageSource messages) {
        this.messages = messages;
    }

    public String indicator(Assessment a) {
        List<String> parts = new ArrayList<>();
        if (a.reportOverdue()) parts.add(text("reason.overdue"));
        if (a.targetMet()) parts.add(text("reason.targetMet"));
        else if (a.movedAway()) parts.add(text("reason.movedAway", number(a.baseline().value()), number(a.current().value())));
        else if (a.shownProgress() != null) parts.add(text("reason.progress", percent(a.shownProgress()), percent(a.expectedProgress())));
        if (!a.targetMet() && a.projectedValue() != null && a.targetYear() != null && a.goal() != null) {
            parts.add(text("reason.projection", String.valueOf(a.targetYear()), number(a.projectedValue()), number(a.goal())));
        }
        if (a.current() == null) parts.add(text("reason.noValue"));
        return String.join(text("reason.separator"), parts);
    }

    /** Progress as a page shows it: a percent within 0–100%, 倒退 (regressing) when the value moved away, — when unknown. */
    public String progress(Assessment a) {
        if (a.movedAway()) return text("dashboard.progress.movedAway");
        Double p = a.shownProgress();
        return p == null ? "—" : percent(p);
    }

    /** The raw figures behind a bounded progress, for its tooltip: baseline, latest value, goal and the unbounded ratio. */
    public String progressFigures(Assessment a) {
        if (a.baseline() == null || a.current() == null || a.goal() == null) return null;
        return text("dashboard.progress.figures", number(a.baseline().value()), a.baseline().period(), number(a.current().value()),
                a.current().period(), number(a.goal()), a.targetYear(), a.progress() == null ? "—" : percent(a.progress()));
    }

    public String task(TaskAssessment t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.due() == 0 ? text("reason.nothingDue") : text("reason.milestones", t.due(), t.doneOnTime(), t.doneLate(), t.overdue().size()));
        if (t.reportedPercent() != null) {
            parts.add(text("reason.reported", Math.round(t.reportedPercent()), Math.round(t.expectedPercent())));
        }
        return String.join(text("reason.separator"), parts);
    }

    /** A unit's score components by name, each as a rounded percent and the points it brings ("指标达成 43%（17.1 分）"). */
    public String components(UnitResult r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Component, Double> c : r.components().entrySet()) {
            parts.add(text("component.share", text("component." + c.getKey().name()), percent(c.getValue()),
                    new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))
                            .format(r.contributions().get(c.getKey()))));
        }
        return String.join(text("component.separator"), parts);
    }

    /**
     * What an indicator lacks of domain, measure unit and responsible unit (a qualitative or milestone indicator has
     * no unit to lack), as "缺：领域、责任单位"; null when it lacks nothing.
     */
    public String missing(Indicator i) {
        List<String> gaps = new ArrayList<>();
        if (i.domain() == null || i.domain().isBlank()) gaps.add(text("indicators.domain"));
        if ((i.unit() == null || i.unit().isBlank()) && !Polarity.fromCode(i.polarity()).isEvent()) gaps.add(text("indicators.unit"));
        if (i.responsibleUnitId() == null) gaps.add(text("indicators.responsible"));
        return gaps.isEmpty() ? null : text("indicators.missing", String.join(text("component.separator"), gaps));
    }

    private static String percent(double share) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share * 100) + "%";
    }

    /** A figure rounded to at most two decimals, without trailing zeros or grouping (71200, 2.5, 81.41). */
    static String number(double x) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(x);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
