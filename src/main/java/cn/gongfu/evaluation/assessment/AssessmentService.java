package cn.gongfu.evaluation.assessment;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.IssueRecord;
import cn.gongfu.evaluation.IssueRecord.UnitItems;
import cn.gongfu.evaluation.method.ExplainedScore;
import cn.gongfu.evaluation.method.ExplainedScore.Counts;
import cn.gongfu.evaluation.method.ExplainedScore.Explained;
import cn.gongfu.evaluation.method.ExplainedScore.Item;
import cn.gongfu.evaluation.method.ExplainedScore.Line;
import cn.gongfu.evaluation.method.ScoreRules;
import cn.gongfu.evaluation.method.ScoreRules.Deduction;
import cn.gongfu.evaluation.method.ScoreRules.DeductionRule;
import cn.gongfu.evaluation.method.UnitScore;
import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.evaluation.ranking.RankingService.ScoreLine;
import cn.gongfu.evaluation.ranking.RankingService.ScoredUnit;
import cn.gongfu.evaluation.ranking.RankingService.Snapshot;
import cn.gongfu.evaluation.survey.FourSensesService;
import cn.gongfu.evaluation.survey.WaveIndex;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核 (issue 16): the office's rules per plan and year ({@code assessment_rule}; the defaults without one), the bonuses
 * and manual deductions of units ({@code assessment_item}), the appeals against a line of a score ({@code
 * assessment_appeal}), and every unit's score explained line by line ({@link ExplainedScore}, whose weighted part is
 * {@link UnitScore}'s). The inputs are the ranking's ({@link RankingService#inputs}); the deductions count reporting's
 * record and supervision's items ({@link IssueRecord}); the 四感 index is the latest survey wave of the unit's region
 * fielded by the year's end. Every change is audited ({@code assessment.*}); a changed score republishes a published
 * ranking as a new revision.
 */
@Service
public class AssessmentService {

    /** The most a single bonus or manual deduction may carry, and the most any weight, points each or cap may be set to. */
    static final double MAX_ITEM_POINTS = 20, MAX_SETTING = 100;

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final EvaluationService evaluation;
    private final RankingService rankings;
    private final FourSensesService fourSenses;
    private final ObjectProvider<IssueRecord> issues;
    private final AuditLog audit;
    private final Clock clock;

    AssessmentService(JdbcClient jdbc, PlanService plans, EvaluationService evaluation, RankingService rankings,
                      FourSensesService fourSenses, ObjectProvider<IssueRecord> issues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.evaluation = evaluation;
        this.rankings = rankings;
        this.fourSenses = fourSenses;
        this.issues = issues;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- rules

    /** A plan's rules for a year: the office's ({@code stored}, with its version) or the defaults (version 0). */
    public record RuleSet(long planId, int year, ScoreRules rules, int version, boolean stored, String updatedBy,
                          LocalDateTime updatedAt) {}

    /** The form's fields, in the order the page shows them: weights per component, deductions, caps. */
    public static final List<String> WEIGHT_FIELDS = List.of("w_indicator", "w_milestone", "w_reporting_time",
            "w_reporting_quality", "w_issues", "w_orders", "w_four_senses");
    static final List<Component> WEIGHT_COMPONENTS = List.of(Component.INDICATOR_ACHIEVEMENT, Component.MILESTONE_TIMELINESS,
            Component.REPORTING_TIMELINESS, Component.REPORTING_QUALITY, Component.OVERDUE_ISSUES, Component.ORDERS_ON_TIME,
            Component.FOUR_SENSES);
    public static final List<String> DEDUCTION_FIELDS = List.of("overdue_report", "returned_report", "red_order", "overdue_issue");
    static final List<DeductionRule> DEDUCTION_RULES = List.of(DeductionRule.OVERDUE_REPORT, DeductionRule.RETURNED_REPORT,
            DeductionRule.RED_ORDER, DeductionRule.OVERDUE_ISSUE);

    public RuleSet rules(long planId, int year) {
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        return jdbc.sql("select * from assessment_rule where plan_id = :p and year = :y").param("p", planId).param("y", year)
                .query((rs, i) -> new RuleSet(planId, year, rules(rs), rs.getInt("version"), true, rs.getString("updated_by"),
                        rs.getObject("updated_at", LocalDateTime.class)))
                .optional().orElseGet(() -> new RuleSet(planId, year, ScoreRules.DEFAULTS, 0, false, null, null));
    }

    private static ScoreRules rules(ResultSet rs) throws SQLException {
        Map<Component, Double> w = new EnumMap<>(Component.class);
        for (int k = 0; k < WEIGHT_FIELDS.size(); k++) w.put(WEIGHT_COMPONENTS.get(k), rs.getBigDecimal(WEIGHT_FIELDS.get(k)).doubleValue());
        Map<DeductionRule, Deduction> d = new EnumMap<>(DeductionRule.class);
        for (int k = 0; k < DEDUCTION_FIELDS.size(); k++) {
            d.put(DEDUCTION_RULES.get(k), new Deduction(rs.getBigDecimal("per_" + DEDUCTION_FIELDS.get(k)).doubleValue(),
                    rs.getBigDecimal("cap_" + DEDUCTION_FIELDS.get(k)).doubleValue()));
        }
        return new ScoreRules(w, d, rs.getBigDecimal("deduction_cap").doubleValue(), rs.getBigDecimal("bonus_cap").doubleValue());
    }

    /**
     * Sets a plan's rules for a year from the form's fields (each a number 0–100 with at most two decimals; the weights
     * not all 0), on the version the office read (0 for the defaults): a stale one is refused (409). Audited.
     */
    @Transactional
    public RuleSet saveRules(long planId, int year, Map<String, String> form, int version) {
        String by = Scope.current().require(Role.OFFICE, Role.ADMIN).username();
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(WEIGHT_FIELDS);
        DEDUCTION_FIELDS.forEach(f -> {
            fields.add("per_" + f);
            fields.add("cap_" + f);
        });
        fields.add("deduction_cap");
        fields.add("bonus_cap");
        for (String f : fields) v.put(f, number(f, form.get(f), MAX_SETTING));
        if (WEIGHT_FIELDS.stream().allMatch(f -> v.get(f).signum() == 0)) {
            throw new InvalidParameterException("w_indicator", both("assess.error.noWeight"));
        }
        RuleSet current = rules(planId, year);
        if (current.version() != version) throw new StaleVersionException("assessment rules", version, current.version());
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Object> params = new HashMap<>(v);
        params.put("p", planId);
        params.put("y", year);
        params.put("by", by);
        params.put("at", now);
        params.put("v", version);
        String columns = String.join(", ", fields);
        if (!current.stored()) {
            try {
                jdbc.sql("insert into assessment_rule (plan_id, year, " + columns + ", version, updated_by, updated_at) values (:p, :y, "
                        + fields.stream().map(f -> ":" + f).collect(Collectors.joining(", ")) + ", 0, :by, :at)").params(params).update();
            } catch (org.springframework.dao.DuplicateKeyException someoneElseFirst) {
                // another office stored the year's first rule since this one read the defaults
                throw new StaleVersionException("assessment rules", version, 0);
            }
        } else {
            int n = jdbc.sql("update assessment_rule set " + fields.stream().map(f -> f + " = :" + f).collect(Collectors.joining(", "))
                    + ", version = version + 1, updated_by = :by, updated_at = :at where plan_id = :p and year = :y and version = :v")
                    .params(params).update();
            if (n == 0) throw new StaleVersionException("assessment rules", version, rules(planId, year).version());
        }
        RuleSet saved = rules(planId, year);
        audit.record("assessment.rules", "plan:" + planId + ":" + year, current.stored() ? describe(current.rules()) : "defaults",
                describe(saved.rules()));
        return saved;
    }

    /** The rules in one line, for the audit trail and a published ranking's method. */
    static String describe(ScoreRules r) {
        StringBuilder s = new StringBuilder("weights ");
        r.weights().forEach((k, w) -> s.append(k.name()).append('=').append(plain(w)).append(' '));
        s.append("; deductions ");
        r.deductions().forEach((k, d) -> s.append(k.name()).append('=').append(plain(d.pointsEach())).append(" each, cap ")
                .append(plain(d.cap())).append(' '));
        return s.append("; deduction cap ").append(plain(r.deductionCap())).append("; bonus cap ").append(plain(r.bonusCap())).toString();
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    // ---- bonuses and manual deductions

    public enum ItemKind { BONUS, DEDUCTION }

    public enum ItemState { PROPOSED, APPROVED, REJECTED }

    public record ItemView(long id, long unitId, String unitName, ItemKind kind, String reason, double points, String evidence,
                           String fileName, ItemState state, String proposedBy, LocalDateTime proposedAt, String decidedBy,
                           LocalDateTime decidedAt, String decisionNote, int version) {}

    /** A file attached to an item. */
    public record ItemFile(String fileName, String contentType, byte[] content) {}

    /**
     * Proposes a bonus (a unit's own, by its reporters or heads, or any unit's by the office) or enters a manual
     * deduction (the office only, approved as entered). Points above 0, at most {@link #MAX_ITEM_POINTS}; a reason; the
     * evidence text; an optional file. Audited.
     */
    @Transactional
    public ItemView propose(long planId, int year, long unitId, ItemKind kind, String reason, String points, String evidence,
                            ItemFile file) {
        Scope scope = Scope.current();
        var user = scope.require(Role.OFFICE, Role.ADMIN, Role.REPORTER, Role.UNIT_HEAD);
        boolean office = user.hasAny(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        if (kind == null) throw new InvalidParameterException("kind", both("assess.error.kind"));
        if (!office && (kind != ItemKind.BONUS || !scope.coversUnit(unitId))) {
            throw new org.springframework.security.access.AccessDeniedException("a unit proposes bonuses of its own");
        }
        String unitName = unitOfPlan(planId, unitId);
        String why = checked("reason", reason, 300, true);
        BigDecimal p = number("points", points, MAX_ITEM_POINTS);
        if (p.signum() == 0) throw new InvalidParameterException("points", both("assess.error.positive"));
        String ev = checked("evidence", evidence, 4000, false);
        ItemState state = kind == ItemKind.DEDUCTION ? ItemState.APPROVED : ItemState.PROPOSED;
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_item (plan_id, year, unit_id, kind, reason, points, evidence, file_name, content_type, content,
                  state, proposed_by, proposed_at, decided_by, decided_at)
                values (:p, :y, :u, :k, :r, :pts, :ev, :fn, :ct, :c, :s, :by, :at, :dby, :dat)""")
                .param("p", planId).param("y", year).param("u", unitId).param("k", kind.name()).param("r", why).param("pts", p)
                .param("ev", ev).param("fn", file == null ? null : file.fileName()).param("ct", file == null ? null : file.contentType())
                .param("c", file == null ? null : file.content()).param("s", state.name()).param("by", user.username()).param("at", now)
                .param("dby", state == ItemState.APPROVED ? user.username() : null).param("dat", state == ItemState.APPROVED ? now : null)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("assessment.item." + (kind == ItemKind.BONUS ? "propose" : "deduct"), "assessment_item:" + id, null,
                unitName + " " + kind + " " + p.toPlainString() + ": " + why);
        afterScoreChange(plan, year, state == ItemState.APPROVED ? "deduction #" + id : null);
        return item(id);
    }

    /** The office approves or rejects a proposed bonus, on the version it read, with a note (required to reject). Audited. */
    @Transactional
    public ItemView decideItem(long itemId, boolean approve, String note, int version) {
        String by = Scope.current().require(Role.OFFICE, Role.ADMIN).username();
        ItemView item = item(itemId);
        Plan plan = plans.get(planOf("assessment_item", itemId));
        if (item.version() != version) throw new StaleVersionException("assessment item", version, item.version());
        if (item.state() != ItemState.PROPOSED) throw new ConflictException(both("assess.error.decided"), null);
        String n = checked("note", note, 1000, !approve);
        ItemState state = approve ? ItemState.APPROVED : ItemState.REJECTED;
        int updated = jdbc.sql("""
                update assessment_item set state = :s, decided_by = :by, decided_at = :at, decision_note = :n, version = version + 1
                where id = :id and version = :v and state = 'PROPOSED'""")
                .param("s", state.name()).param("by", by).param("at", LocalDateTime.now(clock)).param("n", n).param("id", itemId)
                .param("v", version).update();
        if (updated == 0) throw new StaleVersionException("assessment item", version, item(itemId).version());
        audit.record("assessment.item." + (approve ? "approve" : "reject"), "assessment_item:" + itemId, ItemState.PROPOSED.name(),
                state.name() + (n.isEmpty() ? "" : ": " + n));
        afterScoreChange(plan, yearOf("assessment_item", itemId), approve ? "bonus #" + itemId : null);
        return item(itemId);
    }

    public ItemView item(long id) {
        ItemView item = jdbc.sql(ITEM_SELECT + " where i.id = :id").param("id", id).query(this::itemRow).optional()
                .orElseThrow(() -> new NotFoundException("assessment item", id));
        plans.get(planOf("assessment_item", id));
        if (!Scope.current().coversUnit(item.unitId())) throw new NotFoundException("assessment item", id);
        return item;
    }

    /** An item's file, as the caller may see the item; absent when it has none. */
    public ItemFile file(long id) {
        item(id);
        return jdbc.sql("select file_name, content_type, content from assessment_item where id = :id and content is not null")
                .param("id", id).query((rs, i) -> new ItemFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFoundException("assessment file", id));
    }

    private static final String ITEM_SELECT = """
            select i.id, i.unit_id, u.name, i.kind, i.reason, i.points, i.evidence, i.file_name, i.state, i.proposed_by,
                   i.proposed_at, i.decided_by, i.decided_at, i.decision_note, i.version
            from assessment_item i join unit u on u.id = i.unit_id""";

    private ItemView itemRow(ResultSet rs, int n) throws SQLException {
        return new ItemView(rs.getLong(1), rs.getLong(2), rs.getString(3), ItemKind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getBigDecimal(6).doubleValue(), rs.getString(7), rs.getString(8), ItemState.valueOf(rs.getString(9)),
                rs.getString(10), rs.getObject(11, LocalDateTime.class), rs.getString(12), rs.getObject(13, LocalDateTime.class),
                rs.getString(14), rs.getInt(15));
    }

    private List<ItemView> items(long planId, int year) {
        Scope scope = Scope.current();
        return jdbc.sql(ITEM_SELECT + " where i.plan_id = :p and i.year = :y order by i.id").param("p", planId).param("y", year)
                .query(this::itemRow).list().stream().filter(i -> scope.coversUnit(i.unitId())).toList();
    }

    // ---- appeals

    public enum AppealState { FILED, UPHELD, REJECTED }

    public record AppealView(long id, long unitId, String unitName, String lineKey, String lineLabel, double pointsBefore,
                             String reason, AppealState state, Double adjustedPoints, String reply, String filedBy,
                             LocalDateTime filedAt, String decidedBy, LocalDateTime decidedAt, int version) {}

    /**
     * A unit's reporter or head contests one line of its score ({@code lineKey}: a component, a rule's deduction or
     * {@code item:<id>}) with a reason; one appeal open per line. Audited.
     */
    @Transactional
    public AppealView fileAppeal(long planId, int year, long unitId, String lineKey, String reason) {
        Scope scope = Scope.current();
        var user = scope.require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        if (!scope.coversUnit(unitId)) throw new NotFoundException("unit", unitId);
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        String why = checked("reason", reason, 2000, true);
        Board board = board(planId, year);
        Line line = board.scores().stream().filter(s -> s.unitId() == unitId).findFirst()
                .flatMap(s -> s.explained().lines().stream().filter(l -> l.key().equals(lineKey)).findFirst())
                .filter(l -> l.kind() != ExplainedScore.LineKind.BONUS_CAP && l.kind() != ExplainedScore.LineKind.DEDUCTION_CAP)
                .orElseThrow(() -> new InvalidParameterException("line", both("assess.error.line")));
        boolean open = jdbc.sql("select count(*) from assessment_appeal where plan_id = :p and year = :y and unit_id = :u and line_key = :k and state = 'FILED'")
                .param("p", planId).param("y", year).param("u", unitId).param("k", lineKey).query(Long.class).single() > 0;
        if (open) throw new InvalidParameterException("line", both("assess.error.appealOpen"));
        String label = line.reason() != null ? line.reason() : lineKey;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_appeal (plan_id, year, unit_id, line_key, line_label, points_before, reason, state, filed_by, filed_at)
                values (:p, :y, :u, :k, :l, :pb, :r, 'FILED', :by, :at)""")
                .param("p", planId).param("y", year).param("u", unitId).param("k", lineKey).param("l", label)
                .param("pb", BigDecimal.valueOf(line.points()).setScale(2, RoundingMode.HALF_UP)).param("r", why)
                .param("by", user.username()).param("at", LocalDateTime.now(clock)).update(key, "id");
        long id = key.getKey().longValue();
        audit.record("assessment.appeal.file", "assessment_appeal:" + id, null, lineKey + ": " + why);
        return appeal(id);
    }

    /**
     * The office decides an appeal on the version it read, with a reply: upheld, the line counts {@code adjustedPoints}
     * from then on (points added for a component or bonus, points deducted for a deduction; 0 removes it); rejected, it
     * stays. A published ranking of the year is revised. Audited.
     */
    @Transactional
    public AppealView decideAppeal(long appealId, boolean uphold, String adjustedPoints, String reply, int version) {
        String by = Scope.current().require(Role.OFFICE, Role.ADMIN).username();
        AppealView appeal = appeal(appealId);
        Plan plan = plans.get(planOf("assessment_appeal", appealId));
        if (appeal.version() != version) throw new StaleVersionException("appeal", version, appeal.version());
        if (appeal.state() != AppealState.FILED) throw new ConflictException(both("assess.error.decided"), null);
        String r = checked("reply", reply, 2000, true);
        BigDecimal adjusted = uphold ? number("adjustedPoints", adjustedPoints, MAX_SETTING) : null;
        AppealState state = uphold ? AppealState.UPHELD : AppealState.REJECTED;
        int updated = jdbc.sql("""
                update assessment_appeal set state = :s, adjusted_points = :a, reply = :r, decided_by = :by, decided_at = :at,
                  version = version + 1 where id = :id and version = :v and state = 'FILED'""")
                .param("s", state.name()).param("a", adjusted).param("r", r).param("by", by).param("at", LocalDateTime.now(clock))
                .param("id", appealId).param("v", version).update();
        if (updated == 0) throw new StaleVersionException("appeal", version, appeal(appealId).version());
        audit.record("assessment.appeal." + (uphold ? "uphold" : "reject"), "assessment_appeal:" + appealId,
                appeal.lineKey() + " " + plain(appeal.pointsBefore()),
                uphold ? appeal.lineKey() + " " + adjusted.toPlainString() + ": " + r : r);
        if (uphold) afterScoreChange(plan, yearOf("assessment_appeal", appealId), "appeal #" + appealId);
        return appeal(appealId);
    }

    public AppealView appeal(long id) {
        AppealView a = jdbc.sql(APPEAL_SELECT + " where a.id = :id").param("id", id).query(this::appealRow).optional()
                .orElseThrow(() -> new NotFoundException("appeal", id));
        plans.get(planOf("assessment_appeal", id));
        if (!Scope.current().coversUnit(a.unitId())) throw new NotFoundException("appeal", id);
        return a;
    }

    private static final String APPEAL_SELECT = """
            select a.id, a.unit_id, u.name, a.line_key, a.line_label, a.points_before, a.reason, a.state, a.adjusted_points, a.reply,
                   a.filed_by, a.filed_at, a.decided_by, a.decided_at, a.version
            from assessment_appeal a join unit u on u.id = a.unit_id""";

    private AppealView appealRow(ResultSet rs, int n) throws SQLException {
        BigDecimal adjusted = rs.getBigDecimal(9);
        return new AppealView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6).doubleValue(), rs.getString(7), AppealState.valueOf(rs.getString(8)),
                adjusted == null ? null : adjusted.doubleValue(), rs.getString(10), rs.getString(11),
                rs.getObject(12, LocalDateTime.class), rs.getString(13), rs.getObject(14, LocalDateTime.class), rs.getInt(15));
    }

    private List<AppealView> appeals(long planId, int year) {
        Scope scope = Scope.current();
        return jdbc.sql(APPEAL_SELECT + " where a.plan_id = :p and a.year = :y order by a.id").param("p", planId).param("y", year)
                .query(this::appealRow).list().stream().filter(a -> scope.coversUnit(a.unitId())).toList();
    }

    // ---- scores

    /** A unit's explained score. */
    public record UnitScoreView(long unitId, String unitName, String peerGroup, Explained explained) {}

    /**
     * What the 考核 page shows of a plan's year: the rules, every unit's explained score in rank order by peer group, the
     * items and the appeals; a reporter or unit head sees its own units' rows only (ranks are among all units).
     */
    public record Board(Plan plan, int year, YearMonth asOf, RuleSet rules, List<UnitScoreView> scores, List<ItemView> items,
                        List<AppealView> appeals) {}

    public Board board(long planId, int year) {
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        RuleSet rules = rules(planId, year);
        YearMonth asOf = asOf(plan, year);
        List<UnitScoreView> all = scores(plan, year, rules.rules(), asOf);
        Scope scope = Scope.current();
        return new Board(plan, year, asOf, rules, all.stream().filter(s -> scope.coversUnit(s.unitId())).toList(),
                items(planId, year), appeals(planId, year));
    }

    /** The month a year is assessed as of: its December, or the plan's default month while the year runs. */
    YearMonth asOf(Plan plan, int year) {
        YearMonth december = YearMonth.of(year, 12);
        YearMonth byDefault = evaluation.defaultMonth(plan);
        return december.isAfter(byDefault) ? byDefault : december;
    }

    private List<UnitScoreView> scores(Plan plan, int year, ScoreRules rules, YearMonth asOf) {
        List<ScoredUnit> units = rankings.inputs(plan.id(), asOf);
        if (units.isEmpty()) return List.of();
        IssueRecord register = issues.getIfAvailable();
        Map<Long, UnitItems> items = register == null ? Map.of() : register.itemsByUnit(plan.id(), asOf.atEndOfMonth());
        Map<String, Double> senses = fourSensesByRegion(year);
        List<UnitInput> inputs = new ArrayList<>();
        Map<String, Counts> counts = new HashMap<>();
        Map<Long, ScoredUnit> byId = new HashMap<>();
        for (ScoredUnit u : units) {
            byId.put(u.unitId(), u);
            UnitItems ui = items.get(u.unitId());
            UnitInput in = u.input();
            Double orders = ui == null || ui.ordersDue() == 0 ? null : (double) ui.ordersAnsweredOnTime() / ui.ordersDue();
            inputs.add(new UnitInput(in.unitId(), in.peerGroup(), in.indicatorAchievement(), in.milestoneTimeliness(),
                    in.reportingTimeliness(), in.reportingQuality(), in.overdueIssues(), orders, senses.get(u.regionCode())));
            counts.put(in.unitId(), new Counts((int) u.overdueReports(), (int) u.returnedReports(),
                    ui == null ? 0 : ui.redOrders(), ui == null ? 0 : ui.overdueIssues()));
        }
        Map<String, List<Item>> approved = new HashMap<>();
        jdbc.sql("select id, unit_id, kind, reason, points from assessment_item where plan_id = :p and year = :y and state = 'APPROVED' order by id")
                .param("p", plan.id()).param("y", year).query(rs -> {
                    approved.computeIfAbsent(String.valueOf(rs.getLong(2)), k -> new ArrayList<>())
                            .add(new Item(rs.getLong(1), "BONUS".equals(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5).doubleValue()));
                });
        Map<String, Map<String, Double>> overrides = new HashMap<>();
        jdbc.sql("""
                select unit_id, line_key, adjusted_points from assessment_appeal where plan_id = :p and year = :y and state = 'UPHELD'
                order by decided_at, id""")
                .param("p", plan.id()).param("y", year).query(rs -> {
                    overrides.computeIfAbsent(String.valueOf(rs.getLong(1)), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3).doubleValue());
                });
        return ExplainedScore.explain(inputs, rules, counts, approved, overrides).stream().map(e -> {
            ScoredUnit u = byId.get(Long.parseLong(e.unitId()));
            return new UnitScoreView(u.unitId(), u.unitName(), e.peerGroup(), e);
        }).toList();
    }

    /** The overall 四感 index (0–1) of each region's latest wave fielded by the year's end, read as the system. */
    private Map<String, Double> fourSensesByRegion(int year) {
        List<WaveIndex> waves = Scope.asSystem(() -> fourSenses.indices(null));
        Map<String, WaveIndex> latest = new HashMap<>();
        for (WaveIndex w : waves) {
            if (w.overall() == null || w.wave().fieldedOn().getYear() > year) continue;
            latest.merge(w.wave().regionCode(), w, (a, b) -> b.wave().fieldedOn().isAfter(a.wave().fieldedOn()) ? b : a);
        }
        Map<String, Double> out = new HashMap<>();
        latest.forEach((region, w) -> out.put(region, Math.max(0, Math.min(1, w.overall().index() / 100))));
        return out;
    }

    // ---- publishing

    /** Publishes the year's scores as the region's ranking of the year (晾晒), or revises the one published. Audited. */
    @Transactional
    public List<Snapshot> publish(long planId, int year) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        checkYear(plan, year);
        return republish(plan, year, "assessment");
    }

    /** After a change of a score: a published ranking of the year follows as a new revision. */
    private void afterScoreChange(Plan plan, int year, String why) {
        if (why != null && rankings.isPublished(plan.regionCode(), String.valueOf(year))) republish(plan, year, why);
    }

    private List<Snapshot> republish(Plan plan, int year, String note) {
        RuleSet rules = rules(plan.id(), year);
        List<UnitScoreView> all = Scope.asSystem(() -> scores(plan, year, rules.rules(), asOf(plan, year)));
        Map<String, List<ScoreLine>> byGroup = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing(UnitScoreView::peerGroup)).forEach(s -> {
            Map<Component, Double> shares = new EnumMap<>(Component.class);
            s.explained().lines().stream().filter(l -> l.kind() == ExplainedScore.LineKind.COMPONENT)
                    .forEach(l -> shares.put(Component.valueOf(l.key()), l.share()));
            byGroup.computeIfAbsent(s.peerGroup(), g -> new ArrayList<>())
                    .add(new ScoreLine(s.unitId(), s.unitName(), s.explained().rank(), s.explained().total(), shares));
        });
        return rankings.publishScores(plan.regionCode(), String.valueOf(year), "assessment " + describe(rules.rules()), byGroup, note);
    }

    // ---- checks

    private static void checkYear(Plan plan, int year) {
        if (year < plan.startYear() || year > plan.endYear()) {
            throw new InvalidParameterException("year", both("assess.error.year", plan.startYear(), plan.endYear()));
        }
    }

    /** The unit's name if it works on the plan; else the unit is refused as a field error. */
    private String unitOfPlan(long planId, long unitId) {
        return jdbc.sql("""
                select u.name from unit u where u.id = :u and exists (select 1 from task_unit tu join task t on t.id = tu.task_id
                  where t.plan_id = :p and tu.unit_id = u.id)""")
                .param("u", unitId).param("p", planId).query(String.class).optional()
                .orElseThrow(() -> new InvalidParameterException("unit", both("assess.error.unit")));
    }

    private long planOf(String table, long id) {
        return jdbc.sql("select plan_id from " + table + " where id = :id").param("id", id).query(Long.class).single();
    }

    private int yearOf(String table, long id) {
        return jdbc.sql("select year from " + table + " where id = :id").param("id", id).query(Integer.class).single();
    }

    /** A number 0–max with at most two decimals, or a field error saying so. */
    static BigDecimal number(String field, String typed, double max) {
        String t = typed == null ? "" : typed.strip();
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, both("assess.error.number", t, plain(max)));
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0 || v.stripTrailingZeros().scale() > 2) {
            throw new InvalidParameterException(field, both("assess.error.number", t, plain(max)));
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    static String checked(String field, String typed, int max, boolean required) {
        String t = typed == null ? "" : typed.strip();
        if (required && t.isEmpty()) throw new InvalidParameterException(field, both("assess.error.required"));
        if (t.length() > max) throw new InvalidParameterException(field, both("assess.error.tooLong", max));
        return t;
    }
}
