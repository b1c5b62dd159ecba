package cn.gongfu.evaluation.levels;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.indicator.IndicatorRollUp;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ReportReturned;
import cn.gongfu.reporting.ValueAccepted;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An accepted report's values flow up to the plan above as they are accepted, and a reopened report's copies are
 * withdrawn: in the accepting transaction, so a copy never outlives or precedes its source. A feed's values (no report)
 * flow up when the office rolls its region up ({@link LevelsService#pull}).
 */
@Component
class RollUpOnAcceptance {

    private final IndicatorRollUp rollUp;
    private final RegionService regions;
    private final AuditLog audit;

    RollUpOnAcceptance(IndicatorRollUp rollUp, RegionService regions, AuditLog audit) {
        this.rollUp = rollUp;
        this.regions = regions;
        this.audit = audit;
    }

    @EventListener
    void on(ValueAccepted event) {
        if (event.submissionId() != null) sync(event.submissionId());
    }

    @EventListener
    void on(ReportReturned event) {
        if (event.reopened()) sync(event.report().submissionId());
    }

    private void sync(long submissionId) {
        Scope.runAsSystem(() -> {
            for (String code : rollUp.ownRegionsOf(submissionId)) {
                String parent = regions.find(code).map(Region::parentCode).orElse(null);
                IndicatorRollUp.Result result = rollUp.sync(parent, List.of(code), submissionId);
                if (result.changedAnything()) {
                    audit.recordAs(Scope.SYSTEM_ACTOR, "levels.rollUp", "submission:" + submissionId + " region:" + code,
                            null, LevelsService.counts(result));
                }
            }
        });
    }
}
