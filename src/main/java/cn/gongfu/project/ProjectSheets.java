package cn.gongfu.project;

import static cn.gongfu.kernel.BundleText.both;
import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.SpreadsheetText;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.TaskSummary;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ReportWorkbook;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.unit.UnitService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project module's two workbooks (docs/projects.md, <i>Import format</i> and <i>Monthly report in Excel</i>): the
 * office's project list imported into a plan, and a unit's monthly report of all its projects for one month. Both are
 * all or nothing: one wrong cell and nothing is stored, every wrong cell listed with its sheet, row, cell and column.
 */
@Component
class ProjectSheets {

    static final int MAX_ROWS = 2000;
    /** The import's columns, in order (message keys under project.import.col.). */
    static final List<String> IMPORT_COLUMNS = List.of("task", "name", "unit", "region", "planned", "start", "plannedEnd",
            "annualYear", "annualPlanned", "milestones");
    /** The monthly workbook's columns (message keys under project.workbook.col.). */
    static final List<String> MONTHLY_COLUMNS = List.of("id", "name", "unit", "period", "completedMonth", "completedTotal",
            "percent", "text", "state");

    private final ProjectService projects;
    private final PlanService plans;
    private final UnitService units;
    private final RegionService regions;
    private final Inputs inputs;

    ProjectSheets(ProjectService projects, PlanService plans, UnitService units, RegionService regions, Inputs inputs) {
        this.projects = projects;
        this.plans = plans;
        this.units = units;
        this.regions = regions;
        this.inputs = inputs;
    }

    static String importSheet() {
        return zh("project.import.sheet");
    }

    static String monthlySheet() {
        return zh("project.workbook.sheet");
    }

    static List<String> headers(String prefix, List<String> columns) {
        return columns.stream().map(c -> zh(prefix + c)).toList();
    }

    /** An empty import list with its header and one example row. */
    byte[] importTemplate() {
        List<Object> example = List.of("1", zh("project.import.example.name"), zh("project.import.example.unit"), "330299101",
                new BigDecimal("12000"), "2026-01-01", "2027-06-30", 2026, new BigDecimal("6000"),
                zh("project.import.example.milestones"));
        return TableWorkbook.xlsx(importSheet(), headers("project.import.col.", IMPORT_COLUMNS), List.of(example));
    }

    /**
     * Imports a project list into a plan: each row a project (task code as in the plan, 附件2/3 for an annex's; unit as
     * named or aliased; region by code or name; milestones one a line, "2026-06-30 主体完工"). Returns how many were made.
     */
    @Transactional
    public int importList(long planId, byte[] bytes) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        Map<String, Long> tasks = new HashMap<>();
        for (TaskSummary t : plans.tasksOfPlan(planId)) tasks.put("main".equals(t.list()) ? t.code() : t.list() + "/" + t.code(), t.id());
        Map<String, String> regionCodes = new HashMap<>();
        for (Region r : regions.all()) {
            if (regions.pathTo(r.code()).stream().anyMatch(x -> x.code().equals(plan.regionCode()))) {
                regionCodes.put(r.code(), r.code());
                regionCodes.putIfAbsent(r.name(), r.code());
            }
        }
        List<ValidationException.Error> errors = new ArrayList<>();
        List<ProjectInput> rows = new ArrayList<>();
        String sheetName = importSheet();
        try (Workbook wb = ReportWorkbook.open(bytes)) {
            Sheet sheet = wb.getSheet(sheetName) != null ? wb.getSheet(sheetName) : wb.getSheetAt(0);
            sheetName = sheet.getSheetName();
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new InvalidParameterException("file", both("workbook.error.tooManyRows", sheet.getLastRowNum(), MAX_ROWS));
            }
            Set<String> unitNames = new LinkedHashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && text(row, 2) != null) unitNames.add(text(row, 2));
            }
            Map<String, Long> unitIds = units.resolve(plan.regionCode(), unitNames);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, IMPORT_COLUMNS.size())) continue;
                Cells c = new Cells(sheetName, row, "project.import.col.", IMPORT_COLUMNS, errors);
                String code = c.cellText("task");
                Long task = code == null ? null : tasks.get(code);
                if (code != null && task == null) c.error("task", both("project.import.error.noSuchTask", code));
                String unitName = c.cellText("unit");
                Long unit = unitName == null ? null : unitIds.get(unitName);
                if (unitName != null && unit == null) c.error("unit", both("project.import.error.noSuchUnit", unitName));
                String regionText = c.cellText("region");
                String region = regionText == null ? plan.regionCode() : regionCodes.get(regionText);
                if (region == null) c.error("region", both("project.error.region", regionText));
                List<ProjectInput.MilestoneInput> milestones = new ArrayList<>();
                String lines = c.cellText("milestones");
                if (lines != null) {
                    for (String line : lines.split("\\R")) {
                        String l = line.strip();
                        if (l.isEmpty()) continue;
                        String[] parts = l.split("\\s+", 2);
                        LocalDate due = parts.length == 2 ? date(parts[0]) : null;
                        if (due == null) c.error("milestones", both("project.import.error.milestone", l));
                        else milestones.add(new ProjectInput.MilestoneInput(null, parts[1], due, null));
                    }
                }
                ProjectInput in = new ProjectInput(task, unit, region, c.cellText("name"), c.amount("planned"),
                        c.integer("annualYear"), c.amount("annualPlanned"), c.date("start"), c.date("plannedEnd"), milestones);
                if (c.failed()) continue;
                try {
                    inputs.check(in);
                    projects.check(in);
                    rows.add(in);
                } catch (InvalidInputException e) {
                    for (FieldErrors.Error f : e.errors()) c.error(column(f.field()), f.message());
                } catch (InvalidParameterException e) {
                    c.error(column(e.field()), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new InvalidParameterException("file", both("workbook.error.unreadable", e.getMessage()));
        }
        if (rows.isEmpty() && errors.isEmpty()) throw new InvalidParameterException("file", both("project.import.error.empty"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (ProjectInput in : rows) projects.create(in);
        return rows.size();
    }

    /** The import column an input field stands in (milestones[2].name: milestones). */
    private static String column(String field) {
        String f = field.replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
        return IMPORT_COLUMNS.contains(f) ? f : "name";
    }

    /** The caller's projects for a month as a workbook: one row each, the month's figures as reported so far. */
    byte[] monthly(YearMonth period) {
        List<List<Object>> rows = new ArrayList<>();
        var listing = projects.everything(new ProjectService.Filter(null, null, null, null, null, period));
        Map<Long, Project.Report> reports = projects.reportsOfMonth(
                listing.page().items().stream().map(Project.Row::id).toList(), period.toString());
        for (Project.Row p : listing.page().items()) {
            if (period.isBefore(YearMonth.from(p.start()))) continue;
            Project.Report r = reports.get(p.id());
            rows.add(List.of(p.id(), p.name(), p.unitName(), period.toString(),
                    r == null ? "" : r.completedMonth(), r == null ? "" : r.completedTotal(), r == null ? "" : r.percent(),
                    r == null || r.text() == null ? "" : r.text(), zh("project.report.state." + (r == null ? "none" : r.state()))));
        }
        return TableWorkbook.xlsx(monthlySheet(), headers("project.workbook.col.", MONTHLY_COLUMNS), rows);
    }

    /** Stores a filled monthly workbook: every row a month's report (accepted months unchanged are passed over). */
    @Transactional
    public int uploadMonthly(byte[] bytes) {
        Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        List<ValidationException.Error> errors = new ArrayList<>();
        List<ProjectInput.Monthly> inputsByRow = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Cells> cells = new ArrayList<>();
        try (Workbook wb = ReportWorkbook.open(bytes)) {
            Sheet sheet = wb.getSheet(monthlySheet());
            if (sheet == null) throw new InvalidParameterException("file", both("workbook.error.sheetMissing", monthlySheet()));
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new InvalidParameterException("file", both("workbook.error.tooManyRows", sheet.getLastRowNum(), MAX_ROWS));
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, 8)) continue;
                Cells c = new Cells(sheet.getSheetName(), row, "project.workbook.col.", MONTHLY_COLUMNS, errors);
                Integer id = c.integer("id");
                String period = c.cellText("period");
                BigDecimal month = c.amount("completedMonth");
                BigDecimal total = c.amount("completedTotal");
                Integer percent = c.integer("percent");
                if (c.failed() || id == null) {
                    if (id == null && !c.failed()) c.error("id", cn.gongfu.kernel.Rules.REQUIRED);
                    continue;
                }
                if (month == null && total == null && percent == null) continue;
                Project.Report existing;
                try {
                    projects.get(id);
                    existing = period == null ? null : projects.report(id, period).orElse(null);
                } catch (cn.gongfu.kernel.NotFoundException e) {
                    c.error("id", both("project.workbook.error.noSuchProject", id));
                    continue;
                }
                String text = c.cellText("text");
                if (existing != null && existing.accepted()) {
                    boolean same = month != null && month.compareTo(existing.completedMonth()) == 0
                            && (total == null || total.compareTo(existing.completedTotal()) == 0)
                            && percent != null && percent == existing.percent();
                    if (!same) c.error("completedMonth", both("project.error.locked", id, period));
                    continue;
                }
                ProjectInput.Monthly in = new ProjectInput.Monthly(period, month, total, percent, text, Map.of(),
                        existing == null ? null : existing.version());
                try {
                    inputs.check(in);
                } catch (InvalidInputException e) {
                    for (FieldErrors.Error f : e.errors()) c.error(MONTHLY_COLUMNS.contains(f.field()) ? f.field() : "completedMonth", f.message());
                    continue;
                }
                inputsByRow.add(in);
                ids.add((long) id);
                cells.add(c);
            }
        } catch (IOException e) {
            throw new InvalidParameterException("file", both("workbook.error.unreadable", e.getMessage()));
        }
        if (errors.isEmpty()) {
            for (int k = 0; k < inputsByRow.size(); k++) {
                try {
                    projects.saveReport(ids.get(k), inputsByRow.get(k));
                } catch (InvalidParameterException e) {
                    cells.get(k).error(MONTHLY_COLUMNS.contains(e.field()) ? e.field() : "completedMonth", e.getMessage());
                } catch (StaleVersionException | ProjectLockedException e) {
                    cells.get(k).error("completedMonth", e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return inputsByRow.size();
    }

    // ---- cells

    private static boolean blank(Row row, int columns) {
        for (int k = 0; k < columns; k++) if (text(row, k) != null) return false;
        return true;
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) return null;
        String text = switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
        if (text == null || text.isBlank()) return null;
        text = text.strip();
        if (text.length() > 1 && text.charAt(0) == '\'' && !SpreadsheetText.safe(text.substring(1)).equals(text.substring(1))) {
            text = text.substring(1);
        }
        return text;
    }

    static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One row's cells by column name; each problem is recorded with its place. */
    static final class Cells {
        private final String sheet;
        private final Row row;
        private final String prefix;
        private final List<String> columns;
        private final List<ValidationException.Error> errors;
        private final int before;

        Cells(String sheet, Row row, String prefix, List<String> columns, List<ValidationException.Error> errors) {
            this.sheet = sheet;
            this.row = row;
            this.prefix = prefix;
            this.columns = columns;
            this.errors = errors;
            this.before = errors.size();
        }

        boolean failed() {
            return errors.size() > before;
        }

        void error(String column, String message) {
            int index = Math.max(0, columns.indexOf(column));
            String header = zh(prefix + columns.get(index));
            errors.add(new ValidationException.Error(zh("workbook.where", sheet, row.getRowNum() + 1, header), message, sheet,
                    row.getRowNum() + 1, new CellReference(row.getRowNum(), index).formatAsString(false), header));
        }

        String cellText(String column) {
            Cell cell = row.getCell(columns.indexOf(column));
            if (cell != null && cell.getCellType() == CellType.FORMULA) {
                error(column, both("workbook.error.formula"));
                return null;
            }
            return ProjectSheets.text(row, columns.indexOf(column));
        }

        BigDecimal amount(String column) {
            String t = cellText(column);
            if (t == null) return null;
            try {
                return new BigDecimal(t.replace(",", ""));
            } catch (NumberFormatException e) {
                error(column, both("project.error.number", t));
                return null;
            }
        }

        Integer integer(String column) {
            String t = cellText(column);
            if (t == null) return null;
            try {
                return Integer.valueOf(t.replaceAll("%$", "").strip());
            } catch (NumberFormatException e) {
                error(column, both("project.error.integer", t));
                return null;
            }
        }

        LocalDate date(String column) {
            String t = cellText(column);
            if (t == null) return null;
            LocalDate d = ProjectSheets.date(t);
            if (d == null) error(column, both("project.error.date", t));
            return d;
        }
    }
}
