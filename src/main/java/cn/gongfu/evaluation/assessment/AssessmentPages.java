package cn.gongfu.evaluation.assessment;

import cn.gongfu.evaluation.assessment.AssessmentService.Board;
import cn.gongfu.evaluation.assessment.AssessmentService.ItemFile;
import cn.gongfu.evaluation.assessment.AssessmentService.ItemKind;
import cn.gongfu.evaluation.assessment.AssessmentService.UnitScoreView;
import cn.gongfu.evaluation.method.ExplainedScore.Line;
import cn.gongfu.evaluation.method.ScoreRules;
import cn.gongfu.evaluation.method.ScoreRules.DeductionRule;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FileTypes;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.ReportingService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 考核 page of a plan's year: for the office the rules form, the bonus approval queue, the appeals queue, the
 * scores with their explanations, publishing and the export; for a unit its score explained, a bonus to propose and an
 * appeal to file; for leaders the scores. A refused form comes back with its errors beside the fields (422), a stale
 * version as the page as it now is (409) ({@link FormAttempt}).
 */
@WebPage
@Controller
class AssessmentPages {

    private final AssessmentService assessment;
    private final PlanService plans;
    private final MessageSource messages;
    private final java.time.Clock clock;

    AssessmentPages(AssessmentService assessment, PlanService plans, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.assessment = assessment;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/assessment")
    String page(@RequestParam(required = false) Long plan, @RequestParam(required = false) Integer year, Model model) {
        List<Plan> all = plans.publishedForDashboards();
        if (all.isEmpty()) return "redirect:/plans";
        Plan p = plan == null ? PlanService.openedByDefault(all) : plans.get(plan);
        int y = year != null ? year : Math.max(p.startYear(), Math.min(p.endYear(), YearMonth.now(clock).getYear()));
        model.addAttribute("plans", all);
        return render(p.id(), y, null, model);
    }

    /** The page of a plan's year, with what was typed into the form {@code form} when it was refused. */
    private String render(long planId, int year, Map<String, String> typed, Model model) {
        Board board = assessment.board(planId, year);
        if (!model.containsAttribute("plans")) model.addAttribute("plans", plans.publishedForDashboards());
        model.addAttribute("board", board);
        Map<String, List<UnitScoreView>> groups = new TreeMap<>();
        board.scores().forEach(s -> groups.computeIfAbsent(s.peerGroup(), g -> new ArrayList<>()).add(s));
        model.addAttribute("groups", groups);
        model.addAttribute("years", years(board.plan()));
        model.addAttribute("rulesForm", typed != null && "rules".equals(typed.get("form")) ? typed : rulesForm(board.rules().rules()));
        model.addAttribute("typed", typed == null ? Map.of() : typed);
        model.addAttribute("weightFields", AssessmentService.WEIGHT_FIELDS);
        model.addAttribute("weightKeys", AssessmentService.WEIGHT_COMPONENTS.stream().map(Enum::name).toList());
        model.addAttribute("deductionFields", AssessmentService.DEDUCTION_FIELDS);
        model.addAttribute("deductionKeys", AssessmentService.DEDUCTION_RULES.stream().map(Enum::name).toList());
        Scope scope = Scope.current();
        boolean office = scope.user() != null && scope.user().hasAny(Role.OFFICE, Role.ADMIN);
        boolean unit = scope.user() != null && scope.user().hasAny(Role.REPORTER, Role.UNIT_HEAD);
        model.addAttribute("office", office);
        model.addAttribute("unitUser", unit);
        model.addAttribute("mayAppeal", scope.user() != null && scope.user().hasAny(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN));
        return "evaluation/assessment";
    }

    private static List<Integer> years(Plan p) {
        List<Integer> years = new ArrayList<>();
        for (int y = p.startYear(); y <= p.endYear(); y++) years.add(y);
        return years;
    }

    /** The rules as the form shows them: every field as plain text. */
    static Map<String, String> rulesForm(ScoreRules r) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int k = 0; k < AssessmentService.WEIGHT_FIELDS.size(); k++) {
            form.put(AssessmentService.WEIGHT_FIELDS.get(k), plain(100 * r.weights().getOrDefault(AssessmentService.WEIGHT_COMPONENTS.get(k), 0.0)
                    / (r.weights().values().stream().mapToDouble(Double::doubleValue).sum() > 1.0001 ? 100 : 1)));
        }
        for (int k = 0; k < AssessmentService.DEDUCTION_FIELDS.size(); k++) {
            DeductionRule rule = AssessmentService.DEDUCTION_RULES.get(k);
            form.put("per_" + AssessmentService.DEDUCTION_FIELDS.get(k), plain(r.deduction(rule).pointsEach()));
            form.put("cap_" + AssessmentService.DEDUCTION_FIELDS.get(k), plain(r.deduction(rule).cap()));
        }
        form.put("deduction_cap", plain(r.deductionCap()));
        form.put("bonus_cap", plain(r.bonusCap()));
        return form;
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @PostMapping("/assessment/rules")
    String saveRules(@RequestParam long plan, @RequestParam int year, @RequestParam(defaultValue = "0") int version,
                     @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("form", "rules");
        return FormAttempt.run(() -> assessment.saveRules(plan, year, form, version), back(plan, year, "rulesSaved") + "#rules",
                model, response, () -> render(plan, year, typed, model), () -> render(plan, year, null, model));
    }

    @PostMapping("/assessment/items")
    String propose(@RequestParam long plan, @RequestParam int year, @RequestParam(required = false) Long unit,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String points, @RequestParam(required = false) String evidence,
                   @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("form", "item");
        typed.put("unit", unit == null ? "" : unit.toString());
        typed.put("kind", kind == null ? "" : kind);
        typed.put("reason", reason == null ? "" : reason);
        typed.put("points", points == null ? "" : points);
        typed.put("evidence", evidence == null ? "" : evidence);
        return FormAttempt.run(() -> {
                    if (unit == null) throw new InvalidParameterException("unit", cn.gongfu.kernel.BundleText.both("assess.error.unit"));
                    assessment.propose(plan, year, unit, kind(kind), reason, points, evidence, upload(file));
                }, back(plan, year, "itemSaved") + "#items", model, response,
                () -> render(plan, year, typed, model), () -> render(plan, year, null, model));
    }

    @PostMapping("/assessment/items/{id}/decide")
    String decideItem(@PathVariable long id, @RequestParam long plan, @RequestParam int year,
                      @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
                      @RequestParam(defaultValue = "0") int version, Model model, HttpServletResponse response) {
        Map<String, String> typed = Map.of("form", "item-" + id, "note", note == null ? "" : note);
        return attempt(() -> assessment.decideItem(id, "approve".equals(decision), note, version), back(plan, year, "decided") + "#queue",
                plan, year, typed, model, response);
    }

    @GetMapping("/assessment/items/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        ItemFile f = assessment.file(id);
        // served as what its bytes are (PDF, Word, an image …), never as what the uploader said
        return Downloads.attachment(f.fileName(), FileTypes.sniff(f.content()), f.content());
    }

    @PostMapping("/assessment/appeals")
    String appeal(@RequestParam long plan, @RequestParam int year, @RequestParam long unit,
                  @RequestParam(required = false) String line, @RequestParam(required = false) String reason,
                  Model model, HttpServletResponse response) {
        Map<String, String> typed = Map.of("form", "appeal-" + unit, "line", line == null ? "" : line, "reason", reason == null ? "" : reason);
        return attempt(() -> assessment.fileAppeal(plan, year, unit, line == null ? "" : line, reason), back(plan, year, "appealed") + "#appeals",
                plan, year, typed, model, response);
    }

    @PostMapping("/assessment/appeals/{id}/decide")
    String decideAppeal(@PathVariable long id, @RequestParam long plan, @RequestParam int year,
                        @RequestParam(required = false) String decision, @RequestParam(required = false) String adjustedPoints,
                        @RequestParam(required = false) String reply, @RequestParam(defaultValue = "0") int version,
                        Model model, HttpServletResponse response) {
        Map<String, String> typed = Map.of("form", "appeal-decide-" + id, "adjustedPoints", adjustedPoints == null ? "" : adjustedPoints,
                "reply", reply == null ? "" : reply);
        return attempt(() -> assessment.decideAppeal(id, "uphold".equals(decision), adjustedPoints, reply, version),
                back(plan, year, "decided") + "#appeals", plan, year, typed, model, response);
    }

    @PostMapping("/assessment/publish")
    String publish(@RequestParam long plan, @RequestParam int year, Model model, HttpServletResponse response) {
        return attempt(() -> assessment.publish(plan, year), back(plan, year, "published"), plan, year, Map.of("form", "publish"),
                model, response);
    }

    /** The scores as the assessment office asks for them: one row a unit, and a second sheet with every line. */
    @GetMapping("/assessment/export")
    ResponseEntity<byte[]> export(@RequestParam long plan, @RequestParam int year) {
        Board board = assessment.board(plan, year);
        List<String> components = AssessmentService.WEIGHT_COMPONENTS.stream().map(c -> text("assess.line." + c.name())).toList();
        List<String> header = new ArrayList<>(List.of(text("assess.col.unit"), text("assess.col.group")));
        header.addAll(components);
        header.addAll(List.of(text("assess.col.weighted"), text("assess.col.bonuses"), text("assess.col.deductions"),
                text("assess.col.total"), text("assess.col.rank")));
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> lines = new ArrayList<>();
        for (UnitScoreView s : board.scores()) {
            List<Object> row = new ArrayList<>(List.of(s.unitName(), text("dashboard.group." + s.peerGroup())));
            for (var c : AssessmentService.WEIGHT_COMPONENTS) {
                row.add(s.explained().lines().stream().filter(l -> l.key().equals(c.name())).findFirst()
                        .map(l -> (Object) round(l.points())).orElse(null));
            }
            row.addAll(Arrays.asList(s.explained().weighted(), s.explained().bonuses(), s.explained().deductions(),
                    s.explained().total(), s.explained().rank()));
            rows.add(row);
            for (Line l : s.explained().lines()) {
                lines.add(Arrays.asList(s.unitName(), text("assess.kind." + l.kind().name()), label(l),
                        l.share() == null ? null : round(l.share() * 100), l.weight() == null ? null : round(l.weight() * 100),
                        l.count(), round(l.points()), l.before() == null ? null : round(l.before())));
            }
        }
        byte[] file = TableWorkbook.xlsx(List.of(
                new TableWorkbook.Table(text("assess.export.sheet"), header, rows),
                new TableWorkbook.Table(text("assess.export.lines"), List.of(text("assess.col.unit"), text("assess.col.kind"),
                        text("assess.col.item"), text("assess.col.share"), text("assess.col.weight"), text("assess.col.count"),
                        text("assess.col.points"), text("assess.col.before")), lines)));
        return Downloads.attachment(text("assess.export.file") + "-" + year + ".xlsx", Downloads.XLSX, file);
    }

    private String label(Line l) {
        if (l.reason() != null) return l.reason();
        return text("assess.line." + l.key());
    }

    private static double round(double x) {
        return BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private String attempt(Runnable change, String success, long plan, int year, Map<String, String> typed, Model model,
                           HttpServletResponse response) {
        try {
            return FormAttempt.run(change, success, model, response, () -> render(plan, year, typed, model),
                    () -> render(plan, year, null, model));
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(plan, year, null, model);
        }
    }

    private static String back(long plan, int year, String done) {
        return "redirect:/assessment?plan=" + plan + "&year=" + year + "&" + done + "=1";
    }

    private static ItemKind kind(String kind) {
        if (kind == null || kind.isBlank()) return ItemKind.BONUS;
        try {
            return ItemKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("kind", cn.gongfu.kernel.BundleText.both("assess.error.kind"));
        }
    }

    private static ItemFile upload(MultipartFile file) {
        if (file == null || file.isEmpty()) return null;
        try {
            byte[] bytes = Uploads.read(file, ReportingService.MAX_EVIDENCE_BYTES);
            return new ItemFile(Uploads.fileName(file.getOriginalFilename()), FileTypes.sniff(bytes), bytes);
        } catch (UploadTooLargeException e) {
            throw new InvalidParameterException("file", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
