package cn.gongfu.supervision;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Rules;
import cn.gongfu.supervision.Escalations.Escalation;
import cn.gongfu.supervision.Reminders.Urged;
import cn.gongfu.supervision.SupervisionBoard.Board;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办 through the API: the board, each plan's reminder rule, 一键催办, the escalations a bulletin names. */
@Tag(name = "supervision", description = "督办 Supervision: board, reminder rules, urging, escalations, warnings")
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    private final SupervisionBoard board;
    private final ReminderRules rules;
    private final Reminders reminders;
    private final Escalations escalations;

    SupervisionApi(SupervisionBoard board, ReminderRules rules, Reminders reminders, Escalations escalations) {
        this.board = board;
        this.rules = rules;
        this.reminders = reminders;
        this.escalations = escalations;
    }

    @GetMapping("/board")
    public Board board() {
        return board.board();
    }

    @GetMapping("/plans/{id}/reminder-rule")
    public ReminderRule rule(@PathVariable long id) {
        return rules.rule(id);
    }

    /** Days as lists of whole numbers ([3, 1]); the ladder's delays in days late. */
    public record RuleBody(@Size(max = ReminderRules.MAX_ENTRIES, message = Rules.TOO_LONG) List<Integer> daysBefore, Boolean onDue,
                           @Size(max = ReminderRules.MAX_ENTRIES, message = Rules.TOO_LONG) List<Integer> daysAfter,
                           @NotNull(message = Rules.REQUIRED) Integer unitHeadAfter, @NotNull(message = Rules.REQUIRED) Integer officeAfter,
                           @NotNull(message = Rules.REQUIRED) Integer bulletinAfter, Integer version) {}

    @PutMapping("/plans/{id}/reminder-rule")
    public ReminderRule setRule(@PathVariable long id, @Valid @RequestBody RuleBody in) {
        return rules.set(id, new ReminderRules.RuleInput(daysText("daysBefore", in.daysBefore()), in.onDue(), daysText("daysAfter", in.daysAfter()),
                in.unitHeadAfter(), in.officeAfter(), in.bulletinAfter(), in.version()));
    }

    private static String daysText(String field, List<Integer> days) {
        if (days == null) return "";
        return ReminderRule.join(cn.gongfu.kernel.Inputs.withoutNulls(field, days));
    }

    public record UrgeReport(@NotNull(message = Rules.REQUIRED) Long plan, @NotNull(message = Rules.REQUIRED) Long unit,
                             @NotNull(message = Rules.REQUIRED) @Size(max = 10, message = Rules.TOO_LONG) String period) {}

    /** 一键催办 on an overdue report; {@code sent} is false when it was already urged today. */
    @PostMapping("/reports/urge")
    public Urged urgeReport(@Valid @RequestBody UrgeReport in) {
        return reminders.urgeReport(in.plan(), in.unit(), in.period());
    }

    @PostMapping("/milestones/{id}/urge")
    public Urged urgeMilestone(@PathVariable long id) {
        return reminders.urgeMilestone(id);
    }

    /** The units a plan's bulletin for {@code month} (YYYY-MM) names: overdue items that reached the bulletin's level then. */
    @GetMapping("/plans/{id}/bulletin-escalations")
    public List<Escalation> namedInBulletin(@PathVariable long id, @RequestParam String month) {
        return escalations.namedInBulletin(id, month(month));
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", "a month as YYYY-MM");
        }
    }
}
