package cn.gongfu.evaluation;

import cn.gongfu.kernel.PlanInputsChanged;
import cn.gongfu.reporting.ReportReturned;
import cn.gongfu.reporting.ValueAccepted;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored standings current. The listeners run synchronously in the transaction that made the change, so
 * the standing moves with the data or not at all and a dashboard read right after an acceptance shows it: an
 * accepted report (or an accepted report reopened) re-assesses only its own indicators; a feed, which may touch any
 * indicator, and any other change of what a plan is judged by mark standings for a recompute on their next read.
 * The nightly full recompute also takes each standing into the new month and repairs what was changed behind the
 * application's back (a hand-made SQL correction).
 */
@Component
class StandingsUpkeep {

    static final String JOB = "evaluation-standings";

    private final EvaluationService evaluation;
    private final boolean nightly;

    StandingsUpkeep(EvaluationService evaluation, @Value("${gongfu.standings.nightly:true}") boolean nightly) {
        this.evaluation = evaluation;
        this.nightly = nightly;
    }

    @EventListener
    void on(ValueAccepted event) {
        if (event.submissionId() != null) evaluation.refreshValuesOf(event.submissionId());
        else evaluation.forgetAll();
    }

    @EventListener
    void on(ReportReturned event) {
        // a reopened report's values were approved and no longer are; a report returned before acceptance had none
        if (event.reopened()) evaluation.refreshValuesOf(event.report().submissionId());
    }

    @EventListener
    void on(PlanInputsChanged event) {
        if (event.planId() == null) evaluation.forgetAll();
        else evaluation.forget(event.planId());
    }

    @Scheduled(cron = "${gongfu.standings.cron:0 15 2 * * *}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void nightly() {
        if (nightly) evaluation.recomputeAll();
    }
}
