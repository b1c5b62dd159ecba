package cn.gongfu.supervision;

import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.kernel.TableWorkbook.Table;
import cn.gongfu.supervision.SupervisionBoard.Board;
import cn.gongfu.supervision.SupervisionBoard.BoardWarning;
import cn.gongfu.supervision.SupervisionBoard.OverdueMilestone;
import cn.gongfu.supervision.SupervisionBoard.OverdueReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The board as an Excel workbook (导出), through {@link TableWorkbook}: one sheet each for the warnings, the overdue
 * reports and the overdue milestones.
 */
final class BoardExport {

    private BoardExport() {}

    static byte[] workbook(Board board, MessageSource messages, Locale locale) {
        List<List<Object>> warnings = new ArrayList<>();
        for (List<BoardWarning> grade : board.warnings().values()) {
            for (BoardWarning w : grade) {
                warnings.add(List.of(t(messages, w.light().labelKey(), locale), t(messages, w.light().reasonKey(), locale),
                        t(messages, "supervision.kind." + w.kind(), locale), w.itemName(), w.unitName() == null ? "" : w.unitName(),
                        String.valueOf(w.raisedOn())));
            }
        }
        List<List<Object>> reports = new ArrayList<>();
        for (OverdueReport r : board.overdueReports()) {
            reports.add(List.of(r.light() == null ? "" : t(messages, r.light().labelKey(), locale), r.planTitle(), r.unitName(), r.period(),
                    String.valueOf(r.dueOn()), r.daysLate(), t(messages, "supervision.level." + r.level(), locale)));
        }
        List<List<Object>> milestones = new ArrayList<>();
        for (OverdueMilestone m : board.overdueMilestones()) {
            milestones.add(List.of(m.light() == null ? "" : t(messages, m.light().labelKey(), locale), m.planTitle(),
                    m.taskCode() == null ? "" : m.taskCode(), m.text(), String.join(" ", m.units()), m.month(), m.monthsLate()));
        }
        return TableWorkbook.xlsx(List.of(
                new Table(t(messages, "supervision.warnings", locale), List.of(t(messages, "supervision.light", locale),
                        t(messages, "light.label", locale),
                        t(messages, "supervision.kind.indicator", locale) + "/" + t(messages, "supervision.kind.milestone", locale),
                        t(messages, "supervision.item", locale), t(messages, "supervision.unit", locale),
                        t(messages, "supervision.raisedOn", locale)), warnings),
                new Table(t(messages, "supervision.overdue", locale), List.of(t(messages, "supervision.light", locale),
                        t(messages, "supervision.plan", locale), t(messages, "supervision.unit", locale), t(messages, "supervision.period", locale),
                        t(messages, "supervision.due", locale), t(messages, "supervision.daysLate", locale),
                        t(messages, "supervision.level", locale)), reports),
                new Table(t(messages, "supervision.milestones", locale), List.of(t(messages, "supervision.light", locale),
                        t(messages, "supervision.plan", locale), t(messages, "supervision.task", locale),
                        t(messages, "supervision.milestone", locale), t(messages, "supervision.unit", locale),
                        t(messages, "supervision.month", locale), t(messages, "supervision.monthsLate", locale)), milestones)));
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
