package cn.gongfu.reporting;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.reporting.SubmissionWorkflow.Action;
import cn.gongfu.reporting.ReportingService.Form;
import cn.gongfu.reporting.ReportingService.TaskInput;
import cn.gongfu.reporting.ReportingService.ValueInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "reporting", description = "进展填报 Progress reports and indicator values: calendar, submissions, workflow, history")
@RestController
@RequestMapping("/api/v1")
public class ReportingApi {

    private final ReportingService reporting;
    private final SubmissionWorkflow workflow;
    private final ReportCalendarService calendars;

    public ReportingApi(ReportingService reporting, SubmissionWorkflow workflow, ReportCalendarService calendars) {
        this.reporting = reporting;
        this.workflow = workflow;
        this.calendars = calendars;
    }

    @GetMapping("/plans/{id}/calendar")
    public ReportCalendar calendar(@PathVariable long id) {
        return calendars.calendar(id).orElseThrow(() -> new cn.gongfu.web.NotFoundException("calendar of plan", id));
    }

    public record CalendarInput(String cadence, String indicatorCadence, Integer dueDay, String firstPeriod, String lastPeriod) {}

    @PutMapping("/plans/{id}/calendar")
    public ReportCalendar setCalendar(@PathVariable long id, @RequestBody CalendarInput in) {
        return calendars.setCalendar(id, in.cadence(), in.indicatorCadence() == null ? "annual" : in.indicatorCadence(),
                in.dueDay() == null ? 5 : in.dueDay(), in.firstPeriod(), in.lastPeriod());
    }

    /** What the caller's units owe, with the state of each report. */
    @GetMapping("/obligations")
    public List<Obligation> obligations() {
        return reporting.obligations(LocalDate.now());
    }

    public record OpenInput(Long plan, Long unit, String period) {}

    /** Begins (or finds) the unit's submission for a period. */
    @PostMapping("/submissions")
    public Submission open(@RequestBody OpenInput in) {
        if (in.plan() == null) throw new cn.gongfu.web.InvalidParameterException("plan", "required");
        if (in.unit() == null) throw new cn.gongfu.web.InvalidParameterException("unit", "required");
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

    public record TaskReportInput(String progress, Integer percentDone, String narrative, String problems,
                                  String nextSteps, Integer version) {}

    @PutMapping("/submissions/{id}/tasks/{taskId}")
    public TaskReport saveTask(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskReportInput in) {
        if (in.version() == null) throw new cn.gongfu.web.InvalidParameterException("version", "send the version you read");
        return reporting.saveTask(id, taskId, new TaskInput(in.progress(), in.percentDone(), in.narrative(), in.problems(),
                in.nextSteps()), in.version());
    }

    @PutMapping("/submissions/{id}/values/{indicatorId}")
    public IndicatorEntry saveValue(@PathVariable long id, @PathVariable long indicatorId, @RequestBody ValueInput in) {
        return reporting.saveValue(id, indicatorId, in);
    }

    public record ActionInput(Action action, String reason, Integer version) {}

    @PostMapping("/submissions/{id}/actions")
    public Submission act(@PathVariable long id, @RequestBody ActionInput in) {
        if (in.action() == null) throw new cn.gongfu.web.InvalidParameterException("action", "one of " + List.of(Action.values()));
        if (in.version() == null) throw new cn.gongfu.web.InvalidParameterException("version", "send the version you read");
        return workflow.act(id, in.action(), in.reason(), in.version());
    }

    @PostMapping("/submissions/accept")
    public Map<String, Integer> acceptAll(@RequestBody List<Long> ids) {
        return Map.of("accepted", workflow.acceptAll(ids));
    }

    public record MilestoneInput(LocalDate completedOn, Long evidenceId) {}

    @PutMapping("/submissions/{id}/tasks/{taskId}/milestones/{milestoneId}")
    public MilestoneEntry completeMilestone(@PathVariable long id, @PathVariable long taskId, @PathVariable long milestoneId,
                                            @RequestBody MilestoneInput in) {
        return reporting.completeMilestone(id, taskId, milestoneId, in.completedOn(), in.evidenceId());
    }

    @PostMapping(value = "/submissions/{id}/evidence", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    public EvidenceFile addEvidence(@PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        if (file.getSize() > ReportingService.MAX_EVIDENCE_BYTES) {
            throw new cn.gongfu.web.InvalidParameterException("file", "文件超过 20 MB the file is larger than 20 MB");
        }
        return reporting.addEvidence(id, file.getOriginalFilename(), file.getBytes());
    }

    /** An evidence file, byte for byte, as an attachment. */
    @GetMapping("/submissions/{id}/evidence/{evidenceId}")
    public org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        EvidenceFile file = reporting.evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new cn.gongfu.web.NotFoundException("evidence", evidenceId));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(reporting.evidenceContent(id, evidenceId));
    }

    @GetMapping("/submissions/{id}/history")
    public List<AuditEvent> history(@PathVariable long id) {
        return workflow.history(id);
    }
}
