package cn.gongfu.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A warning (预警, 亮灯) was raised on an item, or raised to a more serious grade: an indicator of a plan turned lagging,
 * seriously lagging or regressing ({@code kind = "indicator"}), or a milestone passed its month undone
 * ({@code "milestone"}, {@code monthsLate} behind). {@code grade} is {@code yellow}, {@code orange} or {@code red};
 * {@code previousGrade} is null for a new warning. Notify tells the responsible units ({@code unitIds}, possibly none)
 * and the offices of the region and above, once per warning and grade ({@link #dedupKey}).
 */
public record WarningRaised(long warningId, String kind, long itemId, String itemName, long planId, String regionCode,
                            List<Long> unitIds, String grade, String previousGrade, String reason, Integer monthsLate,
                            LocalDate raisedOn, String link) {

    public WarningRaised {
        unitIds = List.copyOf(unitIds);
    }

    public String dedupKey() {
        return "warning:" + warningId + ":" + grade;
    }
}
