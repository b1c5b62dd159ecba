package cn.gongfu.evaluation;

import cn.gongfu.evaluation.method.Thresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The status thresholds, configurable per installation ({@code gongfu.evaluation.*}); the defaults and
 * why they are what they are: docs/methodology.md.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationConfig {

    @Bean
    Thresholds thresholds(@Value("${gongfu.evaluation.on-track-pace:#{null}}") Double onTrackPace,
                          @Value("${gongfu.evaluation.lagging-pace:#{null}}") Double laggingPace) {
        Thresholds d = Thresholds.DEFAULTS;
        if (onTrackPace == null && laggingPace == null) return d;
        return new Thresholds(onTrackPace == null ? d.onTrackPace() : onTrackPace,
                laggingPace == null ? d.laggingPace() : laggingPace,
                d.onTrackRatio(), d.moderateRatio(), d.noTargetOnTrackRate(), d.noTargetModerateRate(), d.minTrendYears(),
                d.zeroStandInShare(), d.seriousOverdueMonths());
    }
}
