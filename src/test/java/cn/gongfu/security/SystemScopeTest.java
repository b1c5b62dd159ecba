package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Background work (a job with nobody signed in) runs in the system scope: it evaluates a plan and lists a unit's
 * obligations like the office would, what it does is audited as the system, and a caller without the system scope
 * and without a user still gets nothing.
 */
@H2Test
class SystemScopeTest {

    @Autowired
    EvaluationService evaluation;

    @Autowired
    ReportingService reporting;

    @Autowired
    AuditLog audit;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedInAsAdmin.signOut();
    }

    long demoPlan() {
        return jdbc.sql("select min(id) from plan where region_code = '330299'").query(Long.class).single();
    }

    long unit(String name) {
        return jdbc.sql("select id from unit where region_code = '330299' and name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aJobEvaluatesAPlanAsTheOfficeSeesIt() {
        YearMonth month = YearMonth.of(2026, 1);
        SignedInAsAdmin.signIn(users.loadUserByUsername("office"));
        PlanEvaluation office = evaluation.evaluate(demoPlan(), null, month);
        SignedInAsAdmin.signOut();

        assertThatThrownBy(() -> evaluation.evaluate(demoPlan(), null, month)).as("nobody signed in")
                .isInstanceOf(NotFoundException.class);
        PlanEvaluation system = Scope.asSystem(() -> evaluation.evaluate(demoPlan(), null, month));
        assertThat(system.indicators()).isNotEmpty().hasSameSizeAs(office.indicators());
        assertThat(system.distribution()).isEqualTo(office.distribution());
        assertThat(system.tasks()).as("every unit's tasks").hasSameSizeAs(office.tasks());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the system scope ends with the work").isNull();
    }

    @Test
    void aJobListsAUnitsObligationsAndAnAnonymousCallerIsRefused() {
        long health = unit("区卫生健康局");
        LocalDate today = LocalDate.of(2026, 1, 10);
        assertThatThrownBy(() -> reporting.obligationsOf(health, today)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.obligations(today)).isInstanceOf(AccessDeniedException.class);

        List<Obligation> owed = Scope.asSystem(() -> reporting.obligationsOf(health, today));
        assertThat(owed).extracting(Obligation::period).containsExactly("2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1");
        assertThat(owed).extracting(Obligation::unitName).containsOnly("区卫生健康局");
        SignedInAsAdmin.signIn(users.loadUserByUsername("reporter"));
        assertThat(reporting.obligations(today)).as("what the unit's own reporter sees").hasSameSizeAs(owed);
        SignedInAsAdmin.signOut();
        assertThat(Scope.asSystem(() -> reporting.obligations(today)).stream().map(Obligation::unitName).distinct())
                .as("every unit").hasSizeGreaterThan(3);
    }

    @Test
    void whatTheSystemDoesIsAuditedAsTheSystem() {
        String target = "job:" + UUID.randomUUID();
        Scope.runAsSystem(() -> {
            assertThat(Scope.current().system()).isTrue();
            assertThat(Scope.current().user()).isNull();
            audit.record("job.run", target, null, "done");
        });
        List<AuditEvent> recorded = audit.list(null, null, target, new PageRequest(0, 10)).items();
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Scope.SYSTEM_ACTOR);
            assertThat(e.action()).isEqualTo("job.run");
        });
        assertThat(Scope.current().system()).as("outside the work").isFalse();
    }

    @Test
    void theSystemScopeRestoresTheCallersOwnAndRunsNoCommandOfAPerson() {
        GongfuUser reporter = users.loadUserByUsername("reporter");
        SignedInAsAdmin.signIn(reporter);
        assertThatThrownBy(() -> Scope.runAsSystem(() -> Scope.current().require(Role.OFFICE, Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Scope.current().user()).isEqualTo(reporter);
        assertThat(Scope.current().units()).isEqualTo(reporter.unitIds());
    }
}
