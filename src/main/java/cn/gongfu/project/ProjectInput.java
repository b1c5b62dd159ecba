package cn.gongfu.project;

import cn.gongfu.kernel.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the office gives of a project, on the form and in the import; the sizes are V36's columns. Amounts in 万元,
 * at most 12 digits before the point and 2 after.
 */
public record ProjectInput(
        @NotNull(message = Rules.REQUIRED) Long task,
        @NotNull(message = Rules.REQUIRED) Long unit,
        @NotBlank(message = Rules.REQUIRED) @Size(max = 12, message = Rules.TOO_LONG) String region,
        @NotBlank(message = Rules.REQUIRED) @Size(max = 300, message = Rules.TOO_LONG) String name,
        @NotNull(message = Rules.REQUIRED) @DecimalMin(value = "0", message = Rules.NOT_NEGATIVE)
        @Digits(integer = 12, fraction = 2, message = Rules.AMOUNT) BigDecimal planned,
        @Min(value = 2000, message = Rules.RANGE) @Max(value = 2100, message = Rules.RANGE) Integer annualYear,
        @DecimalMin(value = "0", message = Rules.NOT_NEGATIVE)
        @Digits(integer = 12, fraction = 2, message = Rules.AMOUNT) BigDecimal annualPlanned,
        @NotNull(message = Rules.REQUIRED) LocalDate start,
        @NotNull(message = Rules.REQUIRED) LocalDate plannedEnd,
        List<@Valid MilestoneInput> milestones) {

    public ProjectInput {
        milestones = milestones == null ? List.of() : milestones;
        name = name == null ? null : name.strip();
    }

    /** A milestone: name, due date, done date (blank: open); {@code id} null for a new one. */
    public record MilestoneInput(Long id,
                                 @NotBlank(message = Rules.REQUIRED) @Size(max = 300, message = Rules.TOO_LONG) String name,
                                 @NotNull(message = Rules.REQUIRED) LocalDate due,
                                 LocalDate done) {}

    /**
     * One month's report of a project. {@code completedTotal} blank: the previous month's cumulative plus this month's.
     * {@code milestonesDone}: milestone id → done date (null clears a date this report set).
     */
    public record Monthly(
            @NotBlank(message = Rules.REQUIRED) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = Rules.MONTH) String period,
            @NotNull(message = Rules.REQUIRED) @DecimalMin(value = "0", message = Rules.NOT_NEGATIVE)
            @Digits(integer = 12, fraction = 2, message = Rules.AMOUNT) BigDecimal completedMonth,
            @DecimalMin(value = "0", message = Rules.NOT_NEGATIVE)
            @Digits(integer = 12, fraction = 2, message = Rules.AMOUNT) BigDecimal completedTotal,
            @NotNull(message = Rules.REQUIRED) @Min(value = 0, message = Rules.RANGE) @Max(value = 100, message = Rules.RANGE) Integer percent,
            @Size(max = 2000, message = Rules.TOO_LONG) String text,
            java.util.Map<Long, LocalDate> milestonesDone,
            Integer version) {

        public Monthly {
            milestonesDone = milestonesDone == null ? java.util.Map.of() : milestonesDone;
        }
    }
}
