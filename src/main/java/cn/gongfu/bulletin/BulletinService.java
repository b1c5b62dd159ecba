package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.bulletin.BulletinContent.Counts;
import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.kernel.YearlyNumbers;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PublicSection;
import cn.gongfu.reporting.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulletins (通报): generated as a draft with its figures frozen ({@link SectionBuilder}s, in order, between the
 * summary and the problems and requirements the office writes), edited in their narrative parts under optimistic
 * locking, regenerated while a draft, issued with the next number of the region's year, and then locked.
 *
 * <p>Who: the office (and administrators) generate, edit and issue within their regions; leaders read every bulletin
 * of their regions, drafts included; the units' reporters and heads read the issued ones of their regions only.
 */
@Service
public class BulletinService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Pager pager;
    private final PlanService plans;
    private final List<SectionBuilder> builders;
    private final BulletinNumbers numbers;
    private final AuditLog audit;
    private final Clock clock;
    private final BulletinPdf pdf;

    BulletinService(JdbcClient jdbc, Pager pager, PlanService plans, List<SectionBuilder> builders, BulletinNumbers numbers,
                    AuditLog audit, Clock clock, BulletinPdf pdf) {
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.pager = pager;
        this.plans = plans;
        this.builders = builders.stream().sorted(Comparator.comparingInt(SectionBuilder::order)).toList();
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The narrative parts an office edits. */
    public record Narrative(String summary, String problems, String requirements) {}

    // ---- commands

    /** Generates a draft bulletin of a plan for a period (2026-05 or 2026Q2), its figures computed and frozen now. */
    @Transactional
    public Bulletin generate(long planId, String periodCode) {
        Scope scope = Scope.current();
        var user = scope.require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        BulletinPeriod period = BulletinPeriod.parse(periodCode, "period");
        LocalDate today = LocalDate.now(clock);
        if (period.firstMonth().atDay(1).isAfter(today)) {
            throw new InvalidParameterException("period", "the period " + period.code() + " has not begun yet");
        }
        BulletinContent content = compute(plan, period, today);
        LocalDateTime now = LocalDateTime.now(clock);
        Narrative n = defaults(content, period);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bulletin (plan_id, region_code, kind, period, period_year, title, state, content, summary, problems,
                                      requirements, created_by, generated_at, updated_at)
                values (:plan, :region, :kind, :period, :year, :title, 'draft', :content, :summary, :problems, :requirements,
                        :by, :now, :now)""")
                .param("plan", plan.id()).param("region", plan.regionCode()).param("kind", period.kind())
                .param("period", period.code()).param("year", period.year()).param("title", title(period))
                .param("content", json(content)).param("summary", n.summary()).param("problems", n.problems())
                .param("requirements", n.requirements()).param("by", user.username()).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("bulletin.generate", "bulletin:" + id, null, plan.id() + " " + period.code());
        return get(id);
    }

    /** Computes the figures of a draft again from today's data; the narrative parts the office wrote stay. */
    @Transactional
    public Bulletin regenerate(long id, int expectedVersion) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Bulletin b = editable(id, expectedVersion);
        BulletinContent content = compute(plans.get(b.planId()), BulletinPeriod.parse(b.period(), "period"), LocalDate.now(clock));
        update(b, "update bulletin set content = :content, generated_at = :now, updated_at = :now, version = version + 1",
                Map.of("content", json(content)));
        audit.record("bulletin.regenerate", "bulletin:" + id, String.valueOf(b.version()), String.valueOf(b.version() + 1));
        return get(id);
    }

    /** Saves the narrative parts of a draft; a stale version is a 409 showing the current one. */
    @Transactional
    public Bulletin editNarrative(long id, Narrative n, int expectedVersion) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Bulletin b = editable(id, expectedVersion);
        update(b, "update bulletin set summary = :summary, problems = :problems, requirements = :requirements,"
                        + " updated_at = :now, version = version + 1",
                Map.of("summary", text(n.summary()), "problems", text(n.problems()), "requirements", text(n.requirements())));
        audit.record("bulletin.edit", "bulletin:" + id, b.summary() + "\n" + b.problems() + "\n" + b.requirements(),
                text(n.summary()) + "\n" + text(n.problems()) + "\n" + text(n.requirements()));
        return get(id);
    }

    /** Issues a draft: it gets the next number of its region's year and is locked from then on. */
    @Transactional
    public Bulletin issue(long id, int expectedVersion) {
        var user = Scope.current().require(Role.OFFICE, Role.ADMIN);
        Bulletin b = editable(id, expectedVersion);
        LocalDateTime now = LocalDateTime.now(clock);
        YearlyNumbers.Number number = numbers.next(b.regionCode(), now.getYear());
        update(b, "update bulletin set state = 'issued', number = :number, number_year = :ny, number_seq = :ns, issued_by = :by,"
                        + " issued_at = :now, updated_at = :now, version = version + 1",
                Map.of("number", number.text(), "ny", number.year(), "ns", number.seq(), "by", user.username()));
        audit.record("bulletin.issue", "bulletin:" + id, Bulletin.DRAFT, number.text());
        return get(id);
    }

    private Bulletin editable(long id, int expectedVersion) {
        Bulletin b = get(id);
        if (!b.isDraft()) throw new BulletinLockedException(id);
        if (b.version() != expectedVersion) {
            throw new ConflictException("bulletin " + id + " was changed meanwhile (version " + b.version() + ", not "
                    + expectedVersion + ")", b);
        }
        return b;
    }

    private void update(Bulletin b, String set, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("id", b.id());
        all.put("v", b.version());
        all.putIfAbsent("now", LocalDateTime.now(clock));
        int changed = jdbc.sql(set + " where id = :id and version = :v and state = 'draft'").params(all).update();
        if (changed == 0) throw new ConflictException("bulletin " + b.id() + " was changed meanwhile", get(b.id()));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    // ---- what it says

    private BulletinContent compute(Plan plan, BulletinPeriod period, LocalDate today) {
        SectionBuilder.Context context = new SectionBuilder.Context(plan, period, today);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        sections.add(Section.narrative("summary", zh("bulletin.section.summary")));
        for (SectionBuilder builder : builders) builder.build(context, counts).ifPresent(sections::add);
        sections.add(Section.narrative("problems", zh("bulletin.section.problems")));
        sections.add(Section.narrative("requirements", zh("bulletin.section.requirements")));
        return new BulletinContent(zh("bulletin.office", plan.regionName()), plan.regionName(), plan.title(), period.label(),
                period.lastMonth().toString(), today.toString(), counts, sections);
    }

    /** 关于2026年第二季度共同富裕重点任务推进情况的通报 */
    static String title(BulletinPeriod period) {
        return zh(period.isYear() ? "bulletin.title.year" : "bulletin.title", period.label());
    }

    /** The narrative a draft starts with, from its figures; the office rewrites it before issue. */
    private static Narrative defaults(BulletinContent c, BulletinPeriod period) {
        Map<String, Integer> k = c.counts();
        String summary = zh("bulletin.default.summary", period.label(), c.planTitle(), k.getOrDefault(Counts.INDICATORS, 0),
                k.getOrDefault("ACHIEVED", 0), k.getOrDefault("ON_TRACK", 0), k.getOrDefault(Counts.LAGGING, 0),
                k.getOrDefault(Counts.SERIOUSLY_LAGGING, 0), k.getOrDefault(Counts.REGRESSING, 0),
                k.getOrDefault(Counts.OVERDUE_UNITS, 0), k.getOrDefault(Counts.OVERDUE_REPORTS, 0));
        if (period.isYear()) {
            summary = zh("bulletin.default.summary.year", period.label(), c.planTitle(), k.getOrDefault(Counts.DEGREE_PERMILLE, 0) / 10.0,
                    k.getOrDefault(Counts.INDICATORS, 0), k.getOrDefault("ACHIEVED", 0), k.getOrDefault(Counts.TASKS, 0),
                    k.getOrDefault(Counts.TASKS_DONE, 0), k.getOrDefault(Counts.TASKS_LAGGING, 0));
            return new Narrative(summary, zh("bulletin.default.problems.year"), zh("bulletin.default.requirements.year"));
        }
        return new Narrative(summary, zh("bulletin.default.problems"), zh("bulletin.default.requirements"));
    }

    // ---- reads

    /** One bulletin as the caller may read it: within its regions; a unit's people only an issued one. */
    public Bulletin get(long id) {
        Scope scope = Scope.current();
        scope.requireCaller();
        Bulletin b = jdbc.sql("select " + COLUMNS + " from bulletin b where b.id = :id").param("id", id).query(BULLETIN)
                .optional().orElseThrow(() -> new NotFoundException("bulletin", id));
        scope.requireRegion(b.regionCode(), "bulletin", id);
        if (!seesDrafts(scope) && b.isDraft()) throw new NotFoundException("bulletin", id);
        return b;
    }

    // ---- the public portal: issued bulletins of plans whose bulletins the office publishes, to anyone

    /** A public plan and its issued bulletins, newest issue first, as the portal lists them. */
    public record PublicBulletins(Plan plan, List<Bulletin.Row> bulletins) {}

    /** One issued bulletin with its public plan, as the portal shows it. */
    public record PublicBulletin(Plan plan, Bulletin bulletin) {}

    /** The issued bulletins of a public plan that publishes its bulletins, newest issue first; otherwise 404. */
    public PublicBulletins issuedForThePublic(long planId) {
        Plan plan = plans.publicPlan(planId, PublicSection.BULLETINS);
        return new PublicBulletins(plan, jdbc.sql("select " + ROW_COLUMNS + " from bulletin b join plan p on p.id = b.plan_id"
                        + " where b.plan_id = :plan and b.state = 'issued' order by b.issued_at desc, b.id desc")
                .param("plan", planId)
                .query(ROW)
                .list());
    }

    /** One issued bulletin of a public plan that publishes its bulletins; a draft or any other reads as absent. */
    public PublicBulletin oneForThePublic(long id) {
        Bulletin b = jdbc.sql("select " + COLUMNS + " from bulletin b where b.id = :id and b.state = 'issued'").param("id", id)
                .query(BULLETIN).optional().orElseThrow(() -> new NotFoundException("bulletin", id));
        return new PublicBulletin(plans.publicPlan(b.planId(), PublicSection.BULLETINS), b);
    }

    /** Whether the caller may edit it: the office or an administrator, while it is a draft. */
    public boolean editable(Bulletin b) {
        var user = Scope.current().user();
        return b.isDraft() && user != null && user.hasAny(Role.OFFICE, Role.ADMIN);
    }

    public record Filter(Long planId, String kind, Integer year, String state, String text) {}

    /** The archive, newest first, filtered by plan, kind (month, quarter), year, state and text in title or number. */
    public PageResult<Bulletin.Row> list(Filter f, PageRequest page) {
        Scope scope = Scope.current();
        scope.requireCaller();
        if (f.kind() != null && !f.kind().isBlank() && !List.of(BulletinPeriod.MONTH, BulletinPeriod.QUARTER, BulletinPeriod.YEAR).contains(f.kind())) {
            throw new InvalidParameterException("kind", "one of month, quarter, year");
        }
        if (f.state() != null && !f.state().isBlank() && !List.of(Bulletin.DRAFT, Bulletin.ISSUED).contains(f.state())) {
            throw new InvalidParameterException("state", "one of draft, issued");
        }
        if (f.year() != null && (f.year() < 1900 || f.year() > 9999)) throw new InvalidParameterException("year", "a year such as 2026");
        Where where = scope.restrictRegion(new Where(), "b.region_code")
                .and("b.plan_id = :plan", "plan", f.planId())
                .and("b.kind = :kind", "kind", blankToNull(f.kind()))
                .and("b.period_year = :year", "year", f.year())
                .and("b.state = :state", "state", blankToNull(f.state()))
                .containing("text", f.text(), "b.title", "b.number", "b.summary", "p.title");
        if (!seesDrafts(scope)) where.and("b.state = 'issued'");
        return pager.page(ROW_COLUMNS,
                "from bulletin b join plan p on p.id = b.plan_id", where, "b.generated_at desc, b.id desc", page, ROW);
    }

    /** The number as the document prints it: the issued one, or for a draft the pattern with a blank (and its figures' year). */
    public String shownNumber(Bulletin b) {
        return b.number() != null ? b.number() : numbers.placeholder(generatedOn(b).getYear());
    }

    /** The date under the signature: the day of issue, or the day a draft's figures were computed. */
    public LocalDate shownDate(Bulletin b) {
        return b.issuedAt() != null ? b.issuedAt().toLocalDate() : generatedOn(b);
    }

    private static LocalDate generatedOn(Bulletin b) {
        return LocalDate.parse(b.content().generatedOn());
    }

    // ---- the document

    /** The bulletin laid out as its document prints it (the preview shows the same). */
    BulletinLayout layout(Bulletin b) {
        return BulletinLayout.of(b, shownNumber(b), shownDate(b));
    }

    /** The bulletin as .docx (POI). */
    public byte[] docx(long id) {
        return BulletinDocx.write(layout(get(id)));
    }

    /** The bulletin as PDF (PDFBox), or {@link PdfFontMissingException} when no CJK font can be embedded. */
    public byte[] pdf(long id) {
        return pdf(get(id));
    }

    /** The PDF of a bulletin already read as its reader may read it. */
    byte[] pdf(Bulletin b) {
        return pdf.write(layout(b));
    }

    /** The file name of a download: the number, or the title of a draft. */
    public static String fileName(Bulletin b, String extension) {
        return (b.number() != null ? b.number() : b.title()) + "." + extension;
    }

    /** Offices, leaders and administrators see drafts; the units' people only what was issued. */
    private static boolean seesDrafts(Scope scope) {
        if (scope.system()) return true;
        var user = scope.user();
        return user != null && user.hasAny(Role.OFFICE, Role.LEADER, Role.ADMIN);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String json(BulletinContent c) {
        return JSON.writeValueAsString(c);
    }

    private static final String COLUMNS = "b.id, b.plan_id, b.region_code, b.kind, b.period, b.title, b.state, b.number, b.summary,"
            + " b.problems, b.requirements, b.content, b.version, b.created_by, b.generated_at, b.updated_at, b.issued_by, b.issued_at";

    private static final RowMapper<Bulletin> BULLETIN = (ResultSet rs, int i) -> row(rs);

    private static final String ROW_COLUMNS =
            "b.id, b.plan_id, p.title, b.kind, b.period, b.title, b.state, b.number, b.generated_at, b.issued_at";

    private static final RowMapper<Bulletin.Row> ROW = (rs, i) -> new Bulletin.Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getObject(9, LocalDateTime.class), rs.getObject(10, LocalDateTime.class));

    private static Bulletin row(ResultSet rs) throws SQLException {
        return new Bulletin(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                JSON.readValue(rs.getString(12), BulletinContent.class), rs.getInt(13), rs.getString(14),
                rs.getObject(15, LocalDateTime.class), rs.getObject(16, LocalDateTime.class), rs.getString(17),
                rs.getObject(18, LocalDateTime.class));
    }
}
