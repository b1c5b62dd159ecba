package cn.gongfu.supervision;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder rule of each plan (催办规则): the defaults from {@code gongfu.reminders.*} until the plan's office sets
 * one of its own ({@code reminder_rule}); setting it is audited and guarded by its version.
 */
@Service
public class ReminderRules {

    /** Bounds of a rule, checked where it enters (a 400 naming the field). */
    static final int MAX_DAYS_BEFORE = 60;
    static final int MAX_DAYS_AFTER = 365;
    static final int MAX_ENTRIES = 10;
    /** The commas a Chinese keyboard types (，、), read as commas. */
    private static final char FULL_WIDTH_COMMA = (char) 0xFF0C;
    private static final char ENUMERATION_COMMA = (char) 0x3001;

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Integer> defaultBefore;
    private final boolean defaultOnDue;
    private final List<Integer> defaultAfter;
    private final int unitHeadAfter;
    private final int officeAfter;
    private final int bulletinAfter;

    ReminderRules(JdbcClient jdbc, PlanService plans, AuditLog audit, Clock clock,
                  @Value("${gongfu.reminders.days:-3,-1,0,1,3,7}") List<Integer> days,
                  @Value("${gongfu.reminders.escalate.unit-head:3}") int unitHeadAfter,
                  @Value("${gongfu.reminders.escalate.office:7}") int officeAfter,
                  @Value("${gongfu.reminders.escalate.bulletin:14}") int bulletinAfter) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.defaultBefore = days.stream().filter(d -> d < 0).map(d -> -d).sorted((a, b) -> b - a).distinct().toList();
        this.defaultOnDue = days.contains(0);
        this.defaultAfter = days.stream().filter(d -> d > 0).sorted().distinct().toList();
        this.unitHeadAfter = unitHeadAfter;
        this.officeAfter = officeAfter;
        this.bulletinAfter = bulletinAfter;
    }

    /** The rule a plan follows (its own, else the defaults); the plan must be in the caller's scope. */
    public ReminderRule rule(long planId) {
        Plan plan = plans.get(planId);
        Scope.current().requireRegion(plan.regionCode(), "plan", planId);
        return rules(List.of(planId)).get(planId);
    }

    /** The defaults, for a plan that has no rule of its own. */
    public ReminderRule defaults(long planId) {
        return new ReminderRule(planId, defaultBefore, defaultOnDue, defaultAfter, unitHeadAfter, officeAfter, bulletinAfter, false, 0);
    }

    /** The rules of these plans, read at once (the daily job's). */
    Map<Long, ReminderRule> rules(Collection<Long> planIds) {
        Map<Long, ReminderRule> result = new HashMap<>();
        planIds.forEach(id -> result.put(id, defaults(id)));
        if (planIds.isEmpty()) return result;
        jdbc.sql("""
                select plan_id, days_before, on_due, days_after, unit_head_after, office_after, bulletin_after, version
                from reminder_rule where plan_id in (:plans)""").param("plans", planIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    result.put(id, new ReminderRule(id, parse(rs.getString(2)), rs.getBoolean(3), parse(rs.getString(4)),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), true, rs.getInt(8)));
                });
        return result;
    }

    /** What the office sends: days as "3,1" and "1,3,7" (a form's text or the API's), the ladder's delays, the version read. */
    public record RuleInput(String daysBefore, Boolean onDue, String daysAfter, Integer unitHeadAfter, Integer officeAfter,
                            Integer bulletinAfter, Integer version) {}

    /** Sets a plan's rule (the office of the plan's region, or an administrator); a stale version is a 409. */
    @Transactional
    public ReminderRule set(long planId, RuleInput input) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        ReminderRule before = rule(planId);
        List<Integer> daysBefore = days("daysBefore", input.daysBefore(), MAX_DAYS_BEFORE);
        List<Integer> daysAfter = days("daysAfter", input.daysAfter(), MAX_DAYS_AFTER);
        int toHead = delay("unitHeadAfter", input.unitHeadAfter(), 1);
        int toOffice = delay("officeAfter", input.officeAfter(), toHead);
        int toBulletin = delay("bulletinAfter", input.bulletinAfter(), toOffice);
        boolean onDue = input.onDue() != null && input.onDue();
        if (input.version() != null && input.version() != before.version()) {
            throw new ConflictException("the plan's reminder rule was changed meanwhile", before);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String by = Scope.current().user().username();
        int changed;
        if (before.custom()) {
            changed = jdbc.sql("""
                    update reminder_rule set days_before = :b, on_due = :o, days_after = :a, unit_head_after = :h,
                    office_after = :f, bulletin_after = :n, version = version + 1, updated_at = :t, updated_by = :u
                    where plan_id = :p and version = :v""")
                    .param("b", ReminderRule.join(daysBefore)).param("o", onDue).param("a", ReminderRule.join(daysAfter))
                    .param("h", toHead).param("f", toOffice).param("n", toBulletin).param("t", now).param("u", by)
                    .param("p", planId).param("v", before.version()).update();
        } else {
            changed = jdbc.sql("""
                    insert into reminder_rule (plan_id, days_before, on_due, days_after, unit_head_after, office_after,
                        bulletin_after, version, updated_at, updated_by)
                    values (:p, :b, :o, :a, :h, :f, :n, 0, :t, :u) on conflict do nothing""")
                    .param("b", ReminderRule.join(daysBefore)).param("o", onDue).param("a", ReminderRule.join(daysAfter))
                    .param("h", toHead).param("f", toOffice).param("n", toBulletin).param("t", now).param("u", by)
                    .param("p", planId).update();
        }
        if (changed == 0) throw new ConflictException("the plan's reminder rule was changed meanwhile", rule(planId));
        ReminderRule after = rule(planId);
        audit.record("reminder-rule.set", "plan:" + planId, describe(before), describe(after));
        return after;
    }

    private static String describe(ReminderRule r) {
        return "before=" + ReminderRule.join(r.daysBefore()) + " onDue=" + r.onDue() + " after=" + ReminderRule.join(r.daysAfter())
                + " unitHead=" + r.unitHeadAfter() + " office=" + r.officeAfter() + " bulletin=" + r.bulletinAfter();
    }

    /** "3, 1" → [3, 1]: whole numbers from 1 to {@code max}, at most ten, no repeats; empty is allowed (no reminder). */
    static List<Integer> days(String field, String text, int max) {
        if (text == null || text.isBlank()) return List.of();
        List<Integer> days = new ArrayList<>();
        for (String part : text.replace(FULL_WIDTH_COMMA, ',').replace(ENUMERATION_COMMA, ',').split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            int day;
            try {
                day = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(field, "whole numbers of days, separated by commas (1 to " + max + ")");
            }
            if (day < 1 || day > max) throw new InvalidParameterException(field, "each day must be between 1 and " + max);
            if (!days.contains(day)) days.add(day);
        }
        if (days.size() > MAX_ENTRIES) throw new InvalidParameterException(field, "at most " + MAX_ENTRIES + " days");
        return days;
    }

    /** A delay of the ladder: required, from {@code min} (the step below) to 365 days. */
    private static int delay(String field, Integer days, int min) {
        if (days == null) throw new InvalidParameterException(field, "required");
        if (days < min || days > MAX_DAYS_AFTER) throw new InvalidParameterException(field, "must be between " + min + " and " + MAX_DAYS_AFTER + " days");
        return days;
    }

    static List<Integer> parse(String stored) {
        if (stored == null || stored.isBlank()) return List.of();
        return Arrays.stream(stored.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
