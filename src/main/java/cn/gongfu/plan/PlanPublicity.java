package cn.gongfu.plan;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making a plan public is the office's own step, apart from publishing an import: a published plan is the
 * office's working plan at once, but the public portal shows it only once the office says so (公开), and the
 * office may take it back (撤回公开), and it chooses how deep the portal goes ({@link PublicSection}). All audited; the system may make a plan public for setup (the demo).
 */
@Service
public class PlanPublicity {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;

    PlanPublicity(JdbcClient jdbc, PlanService plans, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** Shows the plan on the public portal ({@code true}) or takes it off; a no-op when it already is so. */
    @Transactional
    public Plan setPublic(long planId, boolean makePublic) {
        Scope scope = Scope.current();
        if (!scope.system()) scope.require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        if (plan.isPublic() == makePublic) return plan;
        jdbc.sql("update plan set public_since = :since where id = :id")
                .param("since", makePublic ? LocalDateTime.now(clock) : null, java.sql.Types.TIMESTAMP).param("id", planId).update();
        audit.record(makePublic ? "plan.public" : "plan.withdraw-public", "plan:" + planId,
                plan.isPublic() ? "public since " + plan.publicSince() : "not public", makePublic ? "public" : "not public");
        return plans.get(planId);
    }

    /**
     * Makes the plan public (when it is not) with the sections the portal shows of it beyond the overview; the
     * office changes the depth by publishing again. Each change is audited on its own.
     */
    @Transactional
    public Plan publish(long planId, Set<PublicSection> sections) {
        Plan plan = setPublic(planId, true);
        String stored = PublicSection.store(sections);
        if (java.util.Objects.equals(PublicSection.store(plan.shownToThePublic()), stored)) return plan;
        jdbc.sql("update plan set public_sections = :s where id = :id").param("s", stored, java.sql.Types.VARCHAR)
                .param("id", planId).update();
        audit.record("plan.public-sections", "plan:" + planId, PublicSection.store(plan.shownToThePublic()), stored);
        return plans.get(planId);
    }
}
