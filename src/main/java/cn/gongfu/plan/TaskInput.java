package cn.gongfu.plan;

import cn.gongfu.kernel.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * What the office may change on a task: in an import's draft before publishing, and on a published plan (where
 * {@code milestones} is null: milestones carry reports once published and are left as they are). Limits are the
 * columns' (V1: task.code 30, task.title 500, unit.name 200, milestone.text 2000).
 *
 * @param leadUnits, coUnits unit names as the document or the office writes them; resolved through names and aliases
 * @param leadOfficials people (牵头负责领导, 分管领导), never units: stored as written, not resolved
 */
public record TaskInput(
        @NotBlank(message = Rules.REQUIRED) @Size(max = 30, message = Rules.TOO_LONG) String code,
        @NotBlank(message = Rules.REQUIRED) @Size(max = 500, message = Rules.TOO_LONG) String title,
        @Size(max = 20000, message = Rules.TOO_LONG) String text,
        List<@NotBlank(message = Rules.REQUIRED) @Size(max = 200, message = Rules.TOO_LONG) String> leadUnits,
        List<@NotBlank(message = Rules.REQUIRED) @Size(max = 200, message = Rules.TOO_LONG) String> coUnits,
        @Valid List<MilestoneInput> milestones,
        List<@NotBlank(message = Rules.REQUIRED) @Size(max = 100, message = Rules.TOO_LONG) String> leadOfficials) {

    public TaskInput {
        leadUnits = leadUnits == null ? List.of() : leadUnits;
        coUnits = coUnits == null ? List.of() : coUnits;
        leadOfficials = leadOfficials == null ? List.of() : leadOfficials.stream().map(String::strip).toList();
    }

    /** A task input that leaves the lead officials empty. */
    public TaskInput(String code, String title, String text, List<String> leadUnits, List<String> coUnits,
                     List<MilestoneInput> milestones) {
        this(code, title, text, leadUnits, coUnits, milestones, List.of());
    }

    /**
     * What is wrong with the lead officials beyond each name's length: together, joined by 、, they must fit
     * task.lead_officials (V17, {@value PlanWriter#LEAD_OFFICIALS_LENGTH} characters).
     */
    public List<cn.gongfu.kernel.FieldErrors.Error> officialsProblems() {
        if (String.join(LIST_SEPARATOR, leadOfficials).length() <= PlanWriter.LEAD_OFFICIALS_LENGTH) return List.of();
        return List.of(new cn.gongfu.kernel.FieldErrors.Error("leadOfficials",
                cn.gongfu.kernel.BundleText.both("correct.leadOfficialsTooLong", String.valueOf(PlanWriter.LEAD_OFFICIALS_LENGTH))));
    }

    /** A milestone as months YYYY-MM (from ≤ to) and what is to be done by then. */
    public record MilestoneInput(
            @NotBlank(message = Rules.REQUIRED) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = Rules.MONTH) String from,
            @NotBlank(message = Rules.REQUIRED) @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = Rules.MONTH) String to,
            @NotBlank(message = Rules.REQUIRED) @Size(max = 2000, message = Rules.TOO_LONG) String text) {}

    /** How a list of unit names is written in one field (and in Chinese documents): 区卫健局、区民政局. */
    public static final String LIST_SEPARATOR = "、";

    /** Unit names typed in one field, separated as Chinese documents separate them (、，,；; or spaces). */
    public static List<String> names(String typed) {
        if (typed == null) return List.of();
        return Arrays.stream(typed.split("[、，,；;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Milestones typed one a line, "2025-03 2025-06 完成建设" or "2025-06 完成建设" (one month). A line that does not
     * start with a month is kept with blank months, so that validation names it instead of it being dropped.
     */
    public static List<MilestoneInput> milestoneLines(String typed) {
        if (typed == null) return List.of();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^(\\d{4}-\\d{2})(?:\\s*[–—~至-]?\\s*(\\d{4}-\\d{2}))?\\s+(.+)$");
        return typed.lines().map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            var m = line.matcher(s);
            if (!m.matches()) return new MilestoneInput("", "", s);
            return new MilestoneInput(m.group(1), m.group(2) == null ? m.group(1) : m.group(2), m.group(3).strip());
        }).toList();
    }

    /** The milestones as lines again, as {@link #milestoneLines} reads them. */
    public static String milestoneText(List<PlanDraft.MilestoneDraft> milestones) {
        StringBuilder b = new StringBuilder();
        for (PlanDraft.MilestoneDraft m : milestones) {
            b.append(m.from()).append(m.from().equals(m.to()) ? "" : " " + m.to()).append(' ').append(m.text()).append('\n');
        }
        return b.toString();
    }
}
