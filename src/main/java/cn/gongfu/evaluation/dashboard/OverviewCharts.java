package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
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

    /** Puts the evaluation and its overview charts (as ECharts options) into the page's model. */
    public void addTo(Model model, PlanEvaluation eval) {
        model.addAttribute("eval", eval);
        model.addAttribute("lagging", eval.mostLagging(10));
        model.addAttribute("statusChart", write(DashboardCharts.distribution(eval.distribution(), s -> text("status." + s.name()))));
        if (eval.realization() != null) {
            model.addAttribute("gauge", write(DashboardCharts.gauge(eval.realization().overall(), text("dashboard.realization"))));
            model.addAttribute("radar", write(DashboardCharts.radar(eval.realization(), text("dashboard.realization"))));
        }
    }

    /** An indicator's trajectory (values, yearly targets, the path to the target, the projection) as ECharts options. */
    public String trajectory(EvaluationService.IndicatorEvaluation e) {
        return write(DashboardCharts.trajectory(e, java.util.Map.of("observed", text("indicators.observed"),
                "target", text("indicators.target"), "trajectory", text("dashboard.trajectory"),
                "projection", text("dashboard.projection"))));
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String write(Object option) {
        return json.writeValueAsString(option);
    }
}
