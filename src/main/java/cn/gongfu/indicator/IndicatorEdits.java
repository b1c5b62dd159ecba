package cn.gongfu.indicator;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditFields;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.kernel.PlanInputsChanged;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published indicators and targets stay editable by the office whose scope covers them, each change versioned (V15)
 * and audited like the plan's ({@code PublishedPlanEdits}). What units reported and the office accepted is never
 * rewritten: an indicator's unit cannot change while accepted values are kept in it.
 */
@Service
public class IndicatorEdits {

    /** A stored target with its version: what an edit form shows and sends back. */
    public record EditableTarget(long id, long indicatorId, String indicatorName, String regionCode, Long taskId, int year,
                                 String comparator, BigDecimal value, BigDecimal min, BigDecimal max, String unit,
                                 String rawText, int version) {

        public String display() {
            return TargetView.display(comparator, value, min, max, rawText);
        }
    }

    private static final String TARGET = """
            select t.id, t.indicator_id, i.name as indicator_name, t.region_code, t.task_id, t.year, t.comparator, t.value,
                   t.min_value as min, t.max_value as max, t.unit, t.raw_text, t.version
            from target t join indicator i on i.id = t.indicator_id""";
    private static final Rows<EditableTarget> EDITABLE_TARGET = Rows.of(EditableTarget.class);

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final Inputs inputs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public IndicatorEdits(JdbcClient jdbc, IndicatorService indicators, Inputs inputs, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.inputs = inputs;
        this.audit = audit;
    }

    public int indicatorVersion(long id) {
        office(indicators.get(id).regionCode(), "indicator", id);
        return jdbc.sql("select version from indicator where id = :id").param("id", id).query(Integer.class).single();
    }

    /** A task's targets with their versions, in year order; the caller has checked the task's scope. */
    public List<EditableTarget> targetsOfTask(long taskId) {
        return jdbc.sql(TARGET + " where t.task_id = :task order by t.year, t.id").param("task", taskId).query(EDITABLE_TARGET).list();
    }

    /** An indicator's targets with their versions, for the regions of the caller's scope. */
    public List<EditableTarget> targetsOfIndicator(long indicatorId) {
        indicators.get(indicatorId);
        Scope scope = Scope.current();
        return jdbc.sql(TARGET + " where t.indicator_id = :id order by t.region_code, t.year, t.id").param("id", indicatorId)
                .query(EDITABLE_TARGET).list().stream().filter(t -> scope.coversRegion(t.regionCode())).toList();
    }

    public EditableTarget target(long id) {
        return jdbc.sql(TARGET + " where t.id = :id").param("id", id).query(EDITABLE_TARGET).optional()
                .orElseThrow(() -> new NotFoundException("target", id));
    }

    @Transactional
    public int editIndicator(long id, int version, IndicatorInput in) {
        Indicator before = indicators.get(id);
        office(before.regionCode(), "indicator", id);
        int current = indicatorVersion(id);
        if (current != version) throw new StaleVersionException("indicator:" + id, version, current);
        inputs.check(in);
        List<FieldErrors.Error> problems = new ArrayList<>(in.problems());
        String name = in.name().strip();
        String unit = IndicatorInput.blankToNull(in.unit());
        boolean nameTaken = jdbc.sql("select count(*) from indicator where region_code = :region and name = :name and id <> :id")
                .param("region", before.regionCode()).param("name", name).param("id", id).query(Integer.class).single() > 0;
        if (nameTaken) problems.add(new FieldErrors.Error("name", both("indicator.edit.nameTaken", name)));
        if (!Objects.equals(unit, before.unit())) {
            int accepted = jdbc.sql("select count(*) from observation where indicator_id = :id and state = 'approved'")
                    .param("id", id).query(Integer.class).single();
            if (accepted > 0) problems.add(new FieldErrors.Error("unit", both("indicator.edit.unitLocked", accepted, before.unit())));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        int updated = jdbc.sql("""
                update indicator set code = :code, name = :name, unit = :unit, polarity = :polarity, domain = :domain,
                       version = version + 1
                where id = :id and version = :version""")
                .param("code", IndicatorInput.blankToNull(in.code())).param("name", name).param("unit", unit)
                .param("polarity", in.polarity()).param("domain", IndicatorInput.blankToNull(in.domain()))
                .param("id", id).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("indicator:" + id, version, indicatorVersion(id));
        plansChanged("select distinct plan_id from target where indicator_id = :id and plan_id is not null", id);
        audit.record("indicator.edit", "indicator:" + id,
                describe(version, before.name(), before.unit(), before.polarity(), before.domain(), before.code()),
                describe(version + 1, name, unit, in.polarity(), IndicatorInput.blankToNull(in.domain()), IndicatorInput.blankToNull(in.code())));
        return version + 1;
    }

    /** Changes a target's numbers, comparator, unit, year or text; its indicator, plan and task stay. */
    @Transactional
    public int editTarget(long id, int version, TargetInput in) {
        EditableTarget before = target(id);
        office(before.regionCode(), "target", id);
        if (before.version() != version) throw new StaleVersionException("target:" + id, version, before.version());
        inputs.check(in);
        List<FieldErrors.Error> problems = in.problems();
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        int updated = jdbc.sql("""
                update target set comparator = :comparator, value = :value, min_value = :min, max_value = :max, unit = :unit,
                       year = :year, raw_text = :text, version = version + 1
                where id = :id and version = :version""")
                .param("comparator", in.comparator()).param("value", in.value(), Types.NUMERIC).param("min", in.min(), Types.NUMERIC)
                .param("max", in.max(), Types.NUMERIC).param("unit", in.cleanUnit()).param("year", in.year())
                .param("text", in.shownText()).param("id", id).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("target:" + id, version, target(id).version());
        EditableTarget after = target(id);
        plansChanged("select plan_id from target where id = :id and plan_id is not null", id);
        audit.record("target.edit", "target:" + id, describe(before).json(), describe(after).json());
        return version + 1;
    }

    /**
     * How many accepted values (observations the office approved) there are of the indicators a task's targets measure,
     * in the targets' regions: what a task's deletion must leave locked.
     */
    public int acceptedValuesOfTask(long taskId) {
        return jdbc.sql("""
                select count(*) from observation o where o.state = 'approved'
                and exists (select 1 from target t where t.task_id = :task and t.indicator_id = o.indicator_id and t.region_code = o.region_code)""")
                .param("task", taskId).query(Integer.class).single();
    }

    /**
     * Deletes a task's targets, in the transaction that deletes the task (the caller has checked its scope and that no
     * accepted value hangs on them); returns what was deleted, for the task's audit line. Indicators and values stay.
     */
    @Transactional
    public List<EditableTarget> deleteTargetsOfTask(long taskId) {
        List<EditableTarget> targets = targetsOfTask(taskId);
        plansChanged("select distinct plan_id from target where task_id = :id and plan_id is not null", taskId);
        jdbc.sql("delete from target where task_id = :task").param("task", taskId).update();
        return targets;
    }

    /** Tells the plans found by {@code sql} (over {@code :id}) that what they are judged by changed. */
    private void plansChanged(String sql, long id) {
        jdbc.sql(sql).param("id", id).query(Long.class).list().forEach(plan -> events.publishEvent(new PlanInputsChanged(plan)));
    }

    private static void office(String regionCode, String what, long id) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        scope.requireRegion(regionCode, what, id);
    }

    private static String describe(int version, String name, String unit, String polarity, String domain, String code) {
        return AuditFields.at(version).with("name", name).with("unit", unit).with("polarity", polarity).with("domain", domain)
                .with("code", code).json();
    }

    static AuditFields describe(EditableTarget t) {
        return AuditFields.at(t.version()).with("indicator", t.indicatorName()).with("year", t.year()).with("target", words(t))
                .with("rawText", t.rawText());
    }

    /** A target as one reads it: the comparator and numbers with the unit (≥ 500 万元). */
    public static String words(EditableTarget t) {
        return t.display() + (t.unit() == null ? "" : " " + t.unit());
    }
}
