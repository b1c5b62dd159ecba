package cn.gongfu.reporting;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.reporting.ReportingService.Form;
import cn.gongfu.reporting.ReportingService.TaskInput;
import cn.gongfu.reporting.ReportingService.ValueInput;
import cn.gongfu.reporting.SubmissionWorkflow.Action;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "reporting", description = "进展填报 Progress reports and indicator values: calendar, submissions, workflow, history")
@RestController
@RequestMapping("/api/v1")
class ReportingApi {

    private final ReportingService reporting;
    private final SubmissionWorkflow workflow;
    private final ReportCalendarService calendars;
    private final Clock clock;

    public ReportingApi(ReportingService reporting, SubmissionWorkflow workflow, ReportCalendarService calendars, Clock clock) {
        this.clock = clock;
        this.reporting = reporting;
        this.workflow = workflow;
        this.calendars = calendars;
    }

    @GetMapping("/plans/{id}/calendar")
    public ReportCalendar calendar(@PathVariable long id) {
        return calendars.calendar(id).orElseThrow(() -> new NotFoundException("calendar of plan", id));
    }

    /** Column sizes: {@code report_calendar} in V5__reporting.sql. */
    public record CalendarInput(@NotNull(message = Rules.REQUIRED) @Size(max = 10, message = Rules.TOO_LONG) String cadence,
                                @Size(max = 10, message = Rules.TOO_LONG) String indicatorCadence, Integer dueDay,
                                @NotNull(message = Rules.REQUIRED) @Size(max = 7, message = Rules.TOO_LONG) String firstPeriod,
                                @NotNull(message = Rules.REQUIRED) @Size(max = 7, message = Rules.TOO_LONG) String lastPeriod,
                                Integer graceDays, Boolean lockAfterGrace) {}

    @PutMapping("/plans/{id}/calendar")
    public ReportCalendar setCalendar(@PathVariable long id, @Valid @RequestBody CalendarInput in) {
        return calendars.setCalendar(id, in.cadence(), in.indicatorCadence() == null ? "annual" : in.indicatorCadence(),
                in.dueDay() == null ? 5 : in.dueDay(), in.firstPeriod(), in.lastPeriod(), in.graceDays(), in.lockAfterGrace());
    }

    /** What the caller's units owe, with the state of each report. */
    @GetMapping("/obligations")
    public List<Obligation> obligations() {
        return reporting.obligations(LocalDate.now(clock));
    }

    public record OpenInput(@NotNull(message = Rules.REQUIRED) Long plan, @NotNull(message = Rules.REQUIRED) Long unit,
                            @NotBlank(message = Rules.REQUIRED) @Size(max = 7, message = Rules.TOO_LONG) String period) {}

    /** Begins (or finds) the unit's submission for a period. */
    @PostMapping("/submissions")
    public Submission open(@Valid @RequestBody OpenInput in) {
        return reporting.open(in.plan(), in.unit(), in.period());
    }

    @GetMapping("/submissions")
    public List<Submission> queue(@RequestParam(defaultValue = "submitted") String state) {
        return workflow.queue(state);
    }

    @GetMapping("/submissions/{id}")
    public Form form(@PathVariable long id) {
        return reporting.form(id);
    }

    /** A task report as the API and the report form send it; column sizes: {@code task_report} in V5__reporting.sql. */
    public record TaskReportInput(@NotNull(message = Rules.REQUIRED) @Size(max = 12, message = Rules.TOO_LONG) String progress,
                                  Integer percentDone,
                                  @Size(max = 4000, message = Rules.TOO_LONG) String narrative,
                                  @Size(max = 4000, message = Rules.TOO_LONG) String problems,
                                  @Size(max = 4000, message = Rules.TOO_LONG) String nextSteps,
                                  @NotNull(message = "请提交读取时的版本 send the version you read") Integer version) {

        TaskInput fields() {
            return new TaskInput(progress, percentDone, narrative, problems, nextSteps);
        }
    }

    @PutMapping("/submissions/{id}/tasks/{taskId}")
    public TaskReport saveTask(@PathVariable long id, @PathVariable long taskId, @Valid @RequestBody TaskReportInput in) {
        return reporting.saveTask(id, taskId, in.fields(), in.version());
    }

    @PutMapping("/submissions/{id}/values/{indicatorId}")
    public IndicatorEntry saveValue(@PathVariable long id, @PathVariable long indicatorId, @Valid @RequestBody ValueInput in) {
        return reporting.saveValue(id, indicatorId, in);
    }

    /** Column size: {@code submission.return_reason} in V5__reporting.sql. */
    public record ActionInput(@NotNull(message = "应为以下之一 one of REQUEST_APPROVAL, APPROVE, SUBMIT, ACCEPT, RETURN, REOPEN") Action action,
                              @Size(max = 2000, message = Rules.TOO_LONG) String reason,
                              @NotNull(message = "请提交读取时的版本 send the version you read") Integer version) {}

    @PostMapping("/submissions/{id}/actions")
    public Submission act(@PathVariable long id, @Valid @RequestBody ActionInput in) {
        return workflow.act(id, in.action(), in.reason(), in.version());
    }

    @PostMapping("/submissions/accept")
    public Map<String, Integer> acceptAll(@RequestBody List<Long> ids) {
        return Map.of("accepted", workflow.acceptAll(Inputs.withoutNulls("ids", ids)));
    }

    public record MilestoneInput(LocalDate completedOn, Long evidenceId) {}

    @PutMapping("/submissions/{id}/tasks/{taskId}/milestones/{milestoneId}")
    public MilestoneEntry completeMilestone(@PathVariable long id, @PathVariable long taskId, @PathVariable long milestoneId,
                                            @RequestBody MilestoneInput in) {
        return reporting.completeMilestone(id, taskId, milestoneId, in.completedOn(), in.evidenceId());
    }

    @PostMapping(value = "/submissions/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public EvidenceFile addEvidence(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        byte[] content = Uploads.read(file, ReportingService.MAX_EVIDENCE_BYTES);
        return reporting.addEvidence(id, file.getOriginalFilename(), content);
    }

    /** An evidence file, byte for byte, as an attachment. */
    @GetMapping("/submissions/{id}/evidence/{evidenceId}")
    public ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        EvidenceFile file = reporting.evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        return Downloads.attachment(file.fileName(), file.contentType(), reporting.evidenceContent(id, evidenceId));
    }

    @GetMapping("/submissions/{id}/history")
    public List<AuditEvent> history(@PathVariable long id) {
        return workflow.history(id);
    }
}
