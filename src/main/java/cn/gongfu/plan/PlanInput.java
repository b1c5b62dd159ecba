package cn.gongfu.plan;

import cn.gongfu.kernel.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the office may change on a published plan itself. Limits are the columns' (V1: plan.title 500, plan.issuer 200). */
public record PlanInput(
        @NotBlank(message = Rules.REQUIRED) @Size(max = 500, message = Rules.TOO_LONG) String title,
        @Size(max = 200, message = Rules.TOO_LONG) String issuer,
        @NotNull(message = Rules.REQUIRED) @Min(value = 1949, message = Rules.RANGE) @Max(value = 2100, message = Rules.RANGE) Integer startYear,
        @NotNull(message = Rules.REQUIRED) @Min(value = 1949, message = Rules.RANGE) @Max(value = 2100, message = Rules.RANGE) Integer endYear) {}
