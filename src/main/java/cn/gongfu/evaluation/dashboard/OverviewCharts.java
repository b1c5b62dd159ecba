package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.ObjectMapper;

/**
 * The overview of a plan's evaluation as the dashboard and the public view show it: the realization gauge, the
 * domain radar, the status distribution and the most lagging indicators.
 */
@Component
public class OverviewCharts {

    private final MessageSource messages;
    private final ObjectMapper json;

    public OverviewCharts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * Puts the evaluation and its overview charts (as ECharts options) into the page's model, each chart with the
     * sentence that says in words what it draws (its aria-label).
     */
    public void addTo(Model model, PlanEvaluation eval) {
        model.addAttribute("eval", eval);
        model.addAttribute("lagging", eval.mostLagging(10));
        model.addAttribute("statusChart", write(DashboardCharts.distribution(eval.distribution(), s -> text("status." + s.name()))));
        List<String> counts = new ArrayList<>();
        eval.distribution().forEach((status, n) -> {
            if (n > 0) counts.add(text("status." + status.name()) + " " + n);
        });
        model.addAttribute("statusLabel", text("dashboard.aria.status", String.join(text("dashboard.aria.separator"), counts)));
        if (eval.realization() != null) {
            Locale locale = LocaleContextHolder.getLocale();
            NumberFormat percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(1);
            model.addAttribute("gauge", write(DashboardCharts.gauge(eval.realization().overall(), text("dashboard.realization"))));
            model.addAttribute("gaugeLabel", text("dashboard.aria.gauge", percent.format(eval.realization().overall()),
                    text("dashboard.coverage", eval.coverage().counted(), eval.coverage().total())));
            model.addAttribute("radar", write(DashboardCharts.radar(eval.realization(), text("dashboard.realization"))));
            List<String> domains = eval.realization().domains().stream().map(d -> d.domain() + " " + percent.format(d.degree())).toList();
            model.addAttribute("radarLabel", text("dashboard.aria.radar", String.join(text("dashboard.aria.separator"), domains)));
        }
    }

    /** An indicator's trajectory (values, yearly targets, the path to the target, the projection) as ECharts options. */
    public String trajectory(EvaluationService.IndicatorEvaluation e) {
        return write(DashboardCharts.trajectory(e, java.util.Map.of("observed", text("indicators.observed"),
                "target", text("indicators.target"), "trajectory", text("dashboard.trajectory"),
                "projection", text("dashboard.projection"))));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }


    private String write(Object option) {
        return json.writeValueAsString(option);
    }
}
