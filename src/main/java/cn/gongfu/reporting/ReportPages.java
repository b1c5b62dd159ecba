package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.indicator.StoredNumber;
import java.util.stream.Stream;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.reporting.ReportingService.ValueInput;
import cn.gongfu.reporting.SubmissionWorkflow.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import cn.gongfu.kernel.Downloads;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporting pages: my reports, the report form with its timeline, the office's review queue (notices: notify.NoticePages). */
@WebPage
@Controller
class ReportPages {

    private final ReportingService reporting;
    private final SubmissionWorkflow workflow;
    private final Inputs inputs;
    private final Clock clock;
    private final MessageSource messages;

    public ReportPages(ReportingService reporting, SubmissionWorkflow workflow, Inputs inputs, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.clock = clock;
        this.inputs = inputs;
        this.reporting = reporting;
        this.workflow = workflow;
    }

    @GetMapping("/reports")
    public String mine(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                       @RequestParam(required = false) String period, @RequestParam(defaultValue = "false") boolean overdue,
                       Model model) {
        ObligationFilter filter = filter(q, state, period, overdue);
        List<Obligation> all = reporting.obligations(LocalDate.now(clock));
        model.addAttribute("obligations", filter.apply(all));
        model.addAttribute("total", all.size());
        model.addAttribute("filter", filter);
        model.addAttribute("states", ObligationFilter.STATES);
        model.addAttribute("today", LocalDate.now(clock));
        return "reporting/list";
    }

    /** The report list as filtered, as Excel. */
    @GetMapping("/reports.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String period,
                                         @RequestParam(defaultValue = "false") boolean overdue, Locale locale) {
        List<Obligation> rows = filter(q, state, period, overdue).apply(reporting.obligations(LocalDate.now(clock)));
        String name = messages.getMessage("reports.title", null, locale) + " " + LocalDate.now(clock) + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, ObligationExport.workbook(rows, messages, locale));
    }

    private static ObligationFilter filter(String q, String state, String period, boolean overdue) {
        if (state != null && !state.isBlank() && !ObligationFilter.STATES.contains(state)) {
            throw new InvalidParameterException("state", both("report.error.unknownState", state));
        }
        if (q != null && q.length() > 200) throw new InvalidParameterException("q", both("report.error.searchTooLong", 200));
        if (period != null && period.length() > 20) throw new InvalidParameterException("period", both("report.error.searchTooLong", 20));
        return new ObligationFilter(q, state, period, overdue);
    }

    @PostMapping("/reports/open")
    public String open(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit,
                       @RequestParam(required = false) String period) {
        ReportingApi.OpenInput in = inputs.check(new ReportingApi.OpenInput(plan, unit, period));
        return "redirect:/reports/" + reporting.open(in.plan(), in.unit(), in.period()).id();
    }

    @GetMapping("/reports/{id}")
    public String form(@PathVariable long id, Model model) {
        ReportingService.Form form = reporting.form(id);
        GongfuUser me = Scope.current().user();
        Submission s = form.submission();
        boolean unitMember = me.has(Role.ADMIN) || (me.hasAny(Role.REPORTER, Role.UNIT_HEAD) && me.unitIds().contains(s.unitId()));
        model.addAttribute("form", form);
        model.addAttribute("s", s);
        model.addAttribute("lock", form.lock());
        model.addAttribute("canEdit", unitMember && s.editable() && !form.lock().locked());
        model.addAttribute("canRequest", unitMember && List.of("draft", "returned").contains(s.state()) && !form.lock().locked()
                && s.approvalRequestedAt() == null);
        model.addAttribute("canApprove", (me.has(Role.ADMIN) || me.has(Role.UNIT_HEAD) && me.unitIds().contains(s.unitId()))
                && List.of("draft", "returned").contains(s.state()) && !form.lock().locked());
        model.addAttribute("canSubmit", unitMember && s.state().equals("approved") && !form.lock().locked());
        boolean office = me.hasAny(Role.OFFICE, Role.ADMIN);
        model.addAttribute("canReview", office && s.state().equals("submitted"));
        model.addAttribute("canReopen", office && s.state().equals("accepted"));
        model.addAttribute("canReopenLate", office && form.lock().locked());
        model.addAttribute("reopenDefault", LocalDate.now(clock).plusDays(7));
        model.addAttribute("progressStates", TaskReport.PROGRESS);
        model.addAttribute("history", workflow.history(id));
        return "reporting/form";
    }

    /**
     * The whole form's task blocks and milestones in one post (fields named {@code t<taskId>.<field>} and
     * {@code m<milestoneId>.<field>}), so saving one block never drops what was typed in another. Refused, every block
     * comes back as typed with each error beside its field; nothing is saved.
     */
    @PostMapping("/reports/{id}/tasks")
    public String saveBlocks(@PathVariable long id, @RequestParam Map<String, String> posted, RedirectAttributes redirect) {
        Map<Long, ReportingApi.TaskReportInput> typed = new LinkedHashMap<>();
        Map<Long, Map<String, String>> typedMilestones = new LinkedHashMap<>();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<ReportingService.TaskBlock> blocks = new ArrayList<>();
        List<ReportingService.MilestoneInput> milestones = new ArrayList<>();
        for (long taskId : ids(posted, 't', ".version")) {
            String p = "t" + taskId + ".";
            Integer percent = whole(posted.get(p + "percentDone"), taskId + ".percentDone", fieldErrors);
            Integer version = whole(posted.get(p + "version"), taskId + ".version", fieldErrors);
            ReportingApi.TaskReportInput in = new ReportingApi.TaskReportInput(posted.get(p + "progress"), percent,
                    posted.get(p + "narrative"), posted.get(p + "problems"), posted.get(p + "nextSteps"), version);
            typed.put(taskId, in);
            try {
                inputs.check(in);
                if (version != null) blocks.add(new ReportingService.TaskBlock(taskId, in.fields(), version));
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> fieldErrors.putIfAbsent(taskId + "." + f.field(), f.message()));
            }
        }
        for (long milestoneId : ids(posted, 'm', ".task")) {
            String p = "m" + milestoneId + ".";
            Map<String, String> m = new HashMap<>();
            m.put("completedOn", posted.getOrDefault(p + "completedOn", ""));
            m.put("evidenceId", posted.getOrDefault(p + "evidenceId", ""));
            typedMilestones.put(milestoneId, m);
            Integer task = whole(posted.get(p + "task"), "m" + milestoneId + ".task", fieldErrors);
            LocalDate day = null;
            if (!m.get("completedOn").isBlank()) {
                try {
                    day = LocalDate.parse(m.get("completedOn").strip());
                } catch (java.time.format.DateTimeParseException e) {
                    fieldErrors.put("m" + milestoneId + ".completedOn", both("report.error.completedOn"));
                }
            }
            Integer evidence = whole(m.get("evidenceId"), "m" + milestoneId + ".evidenceId", fieldErrors);
            if (task != null) milestones.add(new ReportingService.MilestoneInput(task, milestoneId, day, evidence == null ? null : evidence.longValue()));
        }
        redirect.addFlashAttribute("typedTasks", typed);
        redirect.addFlashAttribute("typedMilestones", typedMilestones);
        if (!fieldErrors.isEmpty()) {
            redirect.addFlashAttribute("fieldErrors", fieldErrors);
            return "redirect:/reports/" + id + "#" + anchorOf(fieldErrors.keySet().iterator().next());
        }
        String[] anchor = {"#tasks"};
        String target = settle(id, "", redirect, () -> {
            try {
                reporting.saveBlocks(id, blocks, milestones);
            } catch (ValidationException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                e.errors().forEach(err -> errors.putIfAbsent(err.location(), err.message()));
                redirect.addFlashAttribute("fieldErrors", errors);
                anchor[0] = "#" + anchorOf(errors.keySet().iterator().next());
                throw e;
            }
        });
        return target + anchor[0];
    }

    /** The ids a posted form names with {@code <prefix><id><suffix>}, in the order posted. */
    private static List<Long> ids(Map<String, String> posted, char prefix, String suffix) {
        List<Long> ids = new ArrayList<>();
        for (String name : posted.keySet()) {
            if (name.length() > 1 + suffix.length() && name.charAt(0) == prefix && name.endsWith(suffix)) {
                String digits = name.substring(1, name.length() - suffix.length());
                if (digits.chars().allMatch(Character::isDigit) && digits.length() < 18) ids.add(Long.parseLong(digits));
            }
        }
        return ids;
    }

    /** A whole number as typed, or null when empty; anything else is an error on {@code field}. */
    private static Integer whole(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.put(field, both("report.error.wholeNumber", typed.strip()));
            return null;
        }
    }

    /**
     * Where the page opens after a refusal: at the first error ("12.percentDone" → its message beside the field), or at
     * the block of an error that has no field on the page (a version, a milestone's task).
     */
    private static String anchorOf(String errorKey) {
        String block = errorKey.substring(errorKey.startsWith("m") ? 1 : 0, errorKey.indexOf('.'));
        if (errorKey.endsWith(".version") || errorKey.endsWith(".task") || errorKey.endsWith(".evidenceId")) {
            return errorKey.startsWith("m") ? "milestone-" + block : "task-" + block;
        }
        return "error-" + errorKey;
    }

    @PostMapping("/reports/{id}/tasks/{taskId}")
    public String saveTask(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) String progress,
                           @RequestParam(required = false) Integer percentDone, @RequestParam(required = false) String narrative,
                           @RequestParam(required = false) String problems, @RequestParam(required = false) String nextSteps,
                           @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        ReportingApi.TaskReportInput in = new ReportingApi.TaskReportInput(progress, percentDone, narrative, problems, nextSteps, version);
        // what was typed comes back to the form if it is refused, so nobody types a long narrative twice
        redirect.addFlashAttribute("typedTasks", Map.of(taskId, in));
        return settle(id, "#task-" + taskId, redirect, () -> reporting.saveTask(id, taskId, inputs.check(in).fields(), in.version()));
    }

    @PostMapping("/reports/{id}/values/{indicatorId}")
    public String saveValue(@PathVariable long id, @PathVariable long indicatorId, @RequestParam(required = false) String value,
                            @RequestParam(required = false) String comment, @RequestParam(required = false) String explanation,
                            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        // the value as typed comes back beside its field if it is refused
        redirect.addFlashAttribute("typedValueId", indicatorId);
        redirect.addFlashAttribute("typedValue", value);
        redirect.addFlashAttribute("typedExplanation", explanation);
        return settle(id, "#indicator-" + indicatorId, redirect, () -> {
            BigDecimal number;
            try {
                number = value == null || value.isBlank() ? null : StoredNumber.parse(value);
            } catch (StoredNumber.Invalid e) {
                throw new ValidationException(List.of(new ValidationException.Error("value", e.getMessage())));
            }
            reporting.saveValue(id, indicatorId, inputs.check(new ValueInput(number, comment, explanation, version)));
        });
    }

    @PostMapping("/reports/{id}/tasks/{taskId}/milestones/{milestoneId}")
    public String completeMilestone(@PathVariable long id, @PathVariable long taskId, @PathVariable long milestoneId,
                                    @RequestParam(required = false) LocalDate completedOn,
                                    @RequestParam(required = false) Long evidenceId, RedirectAttributes redirect) {
        return settle(id, "#task-" + taskId, redirect, () -> reporting.completeMilestone(id, taskId, milestoneId, completedOn, evidenceId));
    }

    @PostMapping("/reports/{id}/evidence")
    public String addEvidence(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                              RedirectAttributes redirect) {
        return settle(id, "#evidence", redirect, () -> {
            try {
                byte[] content = Uploads.read(file, ReportingService.MAX_EVIDENCE_BYTES);
                reporting.addEvidence(id, file.getOriginalFilename(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** 下载模板: the submission's Excel template, pre-filled with what is entered. */
    @GetMapping("/reports/{id}/workbook")
    public ResponseEntity<byte[]> workbook(@PathVariable long id) {
        return ReportWorkbookApi.attachment(reporting.workbook(id));
    }

    /** 上传: a filled template, applied whole or not at all; every wrong cell is listed beside the form. */
    @PostMapping("/reports/{id}/workbook")
    public String uploadWorkbook(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                                 RedirectAttributes redirect) {
        try {
            reporting.applyWorkbook(id, ReportWorkbookApi.bytes(file));
            redirect.addFlashAttribute("workbookApplied", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("workbookErrors", e.errors());
        } catch (InvalidParameterException | UploadTooLargeException | ConflictException e) {
            redirect.addFlashAttribute("workbookErrors", List.of(new ValidationException.Error("file", e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/reports/" + id + "#workbook";
    }

    /** The office reopens a report whose period closed, until a day, with a reason. */
    @PostMapping("/reports/{id}/reopen-late")
    public String reopenLate(@PathVariable long id, @RequestParam(required = false) LocalDate until,
                             @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                             RedirectAttributes redirect) {
        redirect.addFlashAttribute("typedReason", reason);
        return settle(id, "", redirect, () -> {
            if (version == null) throw new InvalidParameterException("version", both("report.error.versionMissing"));
            workflow.reopenLate(id, until, reason, version);
        });
    }

    @PostMapping("/reports/{id}/actions")
    public String act(@PathVariable long id, @RequestParam(required = false) Action action, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        ReportingApi.ActionInput in = new ReportingApi.ActionInput(action, reason, version);
        redirect.addFlashAttribute("typedReason", reason);
        return settle(id, "", redirect, () -> workflow.act(id, inputs.check(in).action(), in.reason(), in.version()));
    }

    @GetMapping("/reports/queue")
    public String queue(@RequestParam(defaultValue = "submitted") String state, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String period, Model model) {
        model.addAttribute("submissions", queueOf(state, q, period));
        model.addAttribute("state", state);
        model.addAttribute("q", q);
        model.addAttribute("period", period);
        model.addAttribute("states", Submission.STATES);
        model.addAttribute("exportHref", ListAddress.of("/reports/queue.xlsx", "state", state, "q", q, "period", period));
        return "reporting/queue";
    }

    /** The review queue as filtered, as Excel: the rows the page lists. */
    @GetMapping("/reports/queue.xlsx")
    public ResponseEntity<byte[]> queueExport(@RequestParam(defaultValue = "submitted") String state,
                                              @RequestParam(required = false) String q, @RequestParam(required = false) String period,
                                              Locale locale) {
        List<String> header = Stream.of("reports.unit", "reports.period", "task.plan", "reports.due", "reports.submittedAt", "reports.state")
                .map(k -> messages.getMessage(k, null, locale)).toList();
        // Arrays.asList: a report without a due day or a submission time has an empty cell, not a failed export
        List<List<Object>> rows = queueOf(state, q, period).stream().map(s -> java.util.Arrays.<Object>asList(s.unitName(), s.period(), s.planTitle(),
                s.dueOn(), s.submittedAt() == null ? "" : s.submittedAt().toString().replace('T', ' '),
                messages.getMessage("reports.state." + s.shownState(), null, locale))).toList();
        String title = messages.getMessage("reports.queue", null, locale);
        return Downloads.attachment(title + " " + LocalDate.now(clock) + ".xlsx", Downloads.XLSX, TableWorkbook.xlsx(title, header, rows));
    }

    private List<Submission> queueOf(String state, String q, String period) {
        String chosen = ListFilters.oneOf("state", state, Submission.STATES);
        return workflow.queue(chosen == null ? "submitted" : chosen, ListFilters.words("q", q), ListFilters.words("period", period, 20));
    }

    @PostMapping("/reports/accept")
    public String acceptAll(@RequestParam(required = false) List<Long> ids, RedirectAttributes redirect) {
        try {
            if (ids == null || ids.isEmpty()) throw new InvalidParameterException("ids", both("report.error.chooseReports"));
            redirect.addFlashAttribute("notice", workflow.acceptAll(ids));
        } catch (InvalidParameterException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reports/queue";
    }

    /** Runs a change; a rule broken or a conflict comes back to the form as a message instead of an error page. */
    private static String settle(long id, String anchor, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
            redirect.getFlashAttributes().keySet().removeIf(k -> k.startsWith("typed"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(f -> new ValidationException.Error(f.field(), f.message())).toList());
        } catch (UploadTooLargeException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error("file", e.getMessage())));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.getMessage());
            redirect.addFlashAttribute("current", e.current());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        }
        return "redirect:/reports/" + id + anchor;
    }
}
