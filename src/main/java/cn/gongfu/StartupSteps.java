package cn.gongfu;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * With {@code -Dgongfu.startup-steps=true} (GongfuApplication), logs the slowest start-up steps once the application
 * is ready: each bean's creation (including the beans it needed first), the context refresh's phases. A measuring
 * aid for docs/benchmarks.md, off by default, so an ordinary start records nothing.
 */
@Component
class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getSpringApplication().getApplicationStartup() instanceof BufferingApplicationStartup buffering)) return;
        StartupTimeline timeline = buffering.getBufferedTimeline();
        List<StartupTimeline.TimelineEvent> slowest = timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed()).limit(40).toList();
        for (StartupTimeline.TimelineEvent e : slowest) {
            StartupStep step = e.getStartupStep();
            String tags = String.join(" ", StreamSupport.stream(step.getTags().spliterator(), false)
                    .map(t -> t.getKey() + "=" + t.getValue()).toList());
            log.info("startup step {} ms {} {}", e.getDuration().toMillis(), step.getName(), tags);
        }
        log.info("startup steps recorded {}, timeline from {}", timeline.getEvents().size(),
                Duration.between(timeline.getStartTime(), java.time.Instant.now()).toMillis());
    }
}
