package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;
import static cn.gongfu.kernel.BundleText.en;
import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.indicator.Indicator;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.SpreadsheetText;
import cn.gongfu.kernel.StorableText;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.reporting.ReportingService.Form;
import cn.gongfu.reporting.ReportingService.TaskInput;
import cn.gongfu.reporting.ReportingService.ValueInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Excel template of one submission (一表通) and the reading of a filled one. The template has a sheet of
 * task reports, a sheet of indicator values and a sheet "说明" with instructions and the submission's identity;
 * key columns are locked, states are a drop-down, the percent a whole number 0–100, and everything already
 * entered is filled in. Reading checks every cell against the submission and collects every error with its
 * sheet, row (as Excel numbers it) and column before anything is applied. Pure: no Spring, no database.
 */
public final class ReportWorkbook {

    // The template is Chinese, the language of the units that fill it; its names come from messages.properties.
    public static final String TASKS = zh("workbook.sheet.tasks");
    public static final String VALUES = zh("workbook.sheet.values");
    public static final String ABOUT = zh("workbook.sheet.about");
    public static final String MILESTONES = zh("workbook.sheet.milestones");

    static final String CODE = zh("workbook.column.code"), TITLE = zh("workbook.column.title"), ROLE = zh("workbook.column.role"),
            STATE = zh("workbook.column.state"), PERCENT = zh("workbook.column.percent"), NARRATIVE = zh("workbook.column.narrative"),
            PROBLEMS = zh("workbook.column.problems"), NEXT = zh("workbook.column.next"), TASK_ID = zh("workbook.column.taskId"),
            VERSION = zh("workbook.column.version");
    static final String INDICATOR = zh("workbook.column.indicator"), UNIT = zh("workbook.column.unit"),
            REGION = zh("workbook.column.region"), PERIOD = zh("workbook.column.period"), PREVIOUS = zh("workbook.column.previous"),
            VALUE = zh("workbook.column.value"), EXPLANATION = zh("workbook.column.explanation"),
            INDICATOR_ID = zh("workbook.column.indicatorId");
    static final String MILESTONE = zh("workbook.column.milestone"), DUE = zh("workbook.column.due"),
            MILESTONE_STATE = zh("workbook.column.milestoneState"), COMPLETED_ON = zh("workbook.column.completedOn"),
            MILESTONE_ID = zh("workbook.column.milestoneId");
    static final List<String> MILESTONE_COLUMNS = List.of(CODE, MILESTONE, DUE, MILESTONE_STATE, COMPLETED_ON, MILESTONE_ID);
    static final List<String> TASK_COLUMNS = List.of(CODE, TITLE, ROLE, STATE, PERCENT, NARRATIVE, PROBLEMS, NEXT, TASK_ID, VERSION);
    static final List<String> VALUE_COLUMNS = List.of(INDICATOR, UNIT, REGION, PERIOD, PREVIOUS, VALUE, EXPLANATION, INDICATOR_ID, VERSION);

    /** The Chinese labels of the progress states, in the order of {@link TaskReport#PROGRESS}. */
    public static final Map<String, String> STATE_LABELS = labels();

    static final String ID_LABEL = zh("workbook.about.id");
    static final String CONTENT_TYPE = Downloads.XLSX;

    /** Uploads are small tables: bounds well above any real template and far below what hurts the server. */
    static final long MAX_UPLOAD_BYTES = Uploads.MAX_SHEET_BYTES;
    static final long MAX_EXPANDED_BYTES = 50L << 20;
    static final int MAX_ENTRIES = 1_000;
    static final double MAX_INFLATE_RATIO = 100.0;
    static final int MAX_ROWS = 5_000;

    private ReportWorkbook() {}

    /** A template ready to send: its file name (填报_单位_期间.xlsx) and bytes. */
    public record File(String fileName, byte[] bytes) {
        public String contentType() {
            return CONTENT_TYPE;
        }
    }

    /** What a checked upload changes: only rows whose content differs from what is stored. */
    public record Changes(List<TaskChange> tasks, List<ValueChange> values, List<MilestoneChange> milestones) {}

    /** A milestone the upload says was completed on a day (evidence as the form had it). */
    public record MilestoneChange(long taskId, long milestoneId, LocalDate completedOn, Long evidenceId) {}

    public record TaskChange(long taskId, TaskInput input, int version) {}

    public record ValueChange(long indicatorId, ValueInput input) {}

    // ---- writing

    public static File write(Form form) {
        Submission s = form.submission();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            writeTasks(wb, form, styles);
            writeValues(wb, form, styles);
            writeMilestones(wb, form, styles);
            writeAbout(wb, s, styles);
            wb.setActiveSheet(0);
            wb.write(out);
            return new File(fileName(s), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(Submission s) {
        return zh("workbook.fileName", s.unitName().replaceAll("[\\\\/:*?\"<>|\\s]+", "_"), s.period());
    }

    private static void writeTasks(XSSFWorkbook wb, Form form, Styles styles) {
        XSSFSheet sheet = wb.createSheet(TASKS);
        header(sheet, TASK_COLUMNS, styles);
        int r = 1;
        for (TaskReport t : form.tasks()) {
            Row row = sheet.createRow(r++);
            text(row, 0, t.taskCode(), styles.locked);
            text(row, 1, t.taskTitle(), styles.lockedWrap);
            text(row, 2, zh("lead".equals(t.role()) ? "workbook.role.lead" : "workbook.role.support"), styles.locked);
            text(row, 3, STATE_LABELS.get(t.progress()), styles.editable);
            Cell percent = row.createCell(4);
            percent.setCellStyle(styles.editable);
            if (t.percentDone() != null) percent.setCellValue(t.percentDone());
            text(row, 5, t.narrative(), styles.editableWrap);
            text(row, 6, t.problems(), styles.editableWrap);
            text(row, 7, t.nextSteps(), styles.editableWrap);
            row.createCell(8).setCellValue(t.taskId());
            row.getCell(8).setCellStyle(styles.locked);
            row.createCell(9).setCellValue(t.version());
            row.getCell(9).setCellStyle(styles.locked);
        }
        int[] widths = {10, 36, 8, 12, 12, 40, 30, 30, 8, 8};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
        sheet.setColumnHidden(8, true);
        sheet.setColumnHidden(9, true);
        if (r > 1) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            validation(sheet, helper.createExplicitListConstraint(STATE_LABELS.values().toArray(String[]::new)), r - 1, 3,
                    STATE, zh("workbook.prompt.state", String.join(zh("workbook.listSeparator"), STATE_LABELS.values())));
            validation(sheet, helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "100"), r - 1, 4,
                    PERCENT, zh("workbook.prompt.percent"));
        }
        protect(sheet);
    }

    private static void writeValues(XSSFWorkbook wb, Form form, Styles styles) {
        XSSFSheet sheet = wb.createSheet(VALUES);
        header(sheet, VALUE_COLUMNS, styles);
        int r = 1;
        for (IndicatorEntry e : form.indicators()) {
            Row row = sheet.createRow(r++);
            text(row, 0, e.name(), styles.lockedWrap);
            text(row, 1, e.unit(), styles.locked);
            text(row, 2, e.regionCode(), styles.locked);
            text(row, 3, e.period(), styles.locked);
            number(row, 4, e.previousValue(), styles.locked);
            boolean held = e.heldElsewhere() != null;
            number(row, 5, e.value(), held ? styles.locked : styles.editable);
            text(row, 6, e.explanation(), held ? styles.lockedWrap : styles.editableWrap);
            row.createCell(7).setCellValue(e.indicatorId());
            row.getCell(7).setCellStyle(styles.locked);
            Cell version = row.createCell(8);
            version.setCellStyle(styles.locked);
            if (e.version() != null) version.setCellValue(e.version());
        }
        int[] widths = {34, 10, 10, 8, 10, 12, 40, 8, 8};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
        sheet.setColumnHidden(7, true);
        sheet.setColumnHidden(8, true);
        if (r > 1) {
            validation(sheet, sheet.getDataValidationHelper().createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-1000000000000", "1000000000000"), r - 1, 5, VALUE, zh("workbook.prompt.value"));
        }
        protect(sheet);
    }

    /** One row per milestone of the reported tasks: when it is due, its state, and the day it was completed (to fill). */
    private static void writeMilestones(XSSFWorkbook wb, Form form, Styles styles) {
        XSSFSheet sheet = wb.createSheet(MILESTONES);
        header(sheet, MILESTONE_COLUMNS, styles);
        Map<Long, String> codes = new HashMap<>();
        form.tasks().forEach(t -> codes.put(t.taskId(), t.taskCode()));
        int r = 1;
        for (TaskReport t : form.tasks()) {
            for (MilestoneEntry m : form.milestones().getOrDefault(t.taskId(), List.of())) {
                Row row = sheet.createRow(r++);
                text(row, 0, codes.get(m.taskId()), styles.locked);
                text(row, 1, m.text(), styles.lockedWrap);
                text(row, 2, m.fromMonth().equals(m.toMonth()) ? m.fromMonth() : m.fromMonth() + "–" + m.toMonth(), styles.locked);
                text(row, 3, zh("milestone.state." + m.state()), styles.locked);
                Cell done = row.createCell(4);
                done.setCellStyle(styles.editableDate);
                if (m.reportedCompletedOn() != null) done.setCellValue(m.reportedCompletedOn());
                row.createCell(5).setCellValue(m.milestoneId());
                row.getCell(5).setCellStyle(styles.locked);
            }
        }
        int[] widths = {10, 44, 16, 10, 14, 8};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
        sheet.setColumnHidden(5, true);
        if (r > 1) {
            validation(sheet, sheet.getDataValidationHelper().createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(2000,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd"), r - 1, 4, COMPLETED_ON, zh("workbook.prompt.completedOn"));
        }
        protect(sheet);
    }

    private static void writeAbout(XSSFWorkbook wb, Submission s, Styles styles) {
        XSSFSheet sheet = wb.createSheet(ABOUT);
        String[][] lines = {
                {zh("workbook.about.plan"), s.planTitle()},
                {zh("workbook.about.unit"), s.unitName()},
                {zh("workbook.about.period"), s.period()},
                {ID_LABEL, String.valueOf(s.id())},
                {zh("workbook.about.state"), s.state()},
                {"", ""},
                {zh("workbook.about.howTo"), zh("workbook.about.step1")},
                {"", zh("workbook.about.step2")},
                {"", zh("workbook.about.step2b")},
                {"", zh("workbook.about.step3")},
                {"", zh("workbook.about.step4")},
                {"", zh("workbook.about.step5")},
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            text(row, 0, lines[i][0], styles.header);
            text(row, 1, lines[i][1], styles.lockedWrap);
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        protect(sheet);
    }

    private static void header(Sheet sheet, List<String> columns, Styles styles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) text(row, i, columns.get(i), styles.header);
        sheet.createFreezePane(0, 1);
    }

    private static void validation(Sheet sheet, DataValidationConstraint constraint, int lastRow, int column, String title, String text) {
        DataValidation v = sheet.getDataValidationHelper().createValidation(constraint, new CellRangeAddressList(1, lastRow, column, column));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox(title, text);
        v.setShowPromptBox(true);
        v.createPromptBox(title, text);
        v.setSuppressDropDownArrow(true); // for XSSF lists: true shows the arrow
        sheet.addValidationData(v);
    }

    /** Locked cells stay locked, editable ones are unlocked; no password: the server checks everything anyway. */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void text(Row row, int column, String value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) cell.setCellValue(SpreadsheetText.safe(value));
    }

    private static void number(Row row, int column, BigDecimal value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) cell.setCellValue(value.doubleValue());
    }

    private static final class Styles {
        final XSSFCellStyle header, locked, lockedWrap, editable, editableWrap, editableDate;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = base(wb, true, false);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            locked = base(wb, true, false);
            locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            lockedWrap = base(wb, true, true);
            lockedWrap.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            lockedWrap.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            editable = base(wb, false, false);
            editableWrap = base(wb, false, true);
            editableDate = base(wb, false, false);
            editableDate.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        }

        private static XSSFCellStyle base(XSSFWorkbook wb, boolean locked, boolean wrap) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setLocked(locked);
            s.setWrapText(wrap);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }

    // ---- reading

    /**
     * Checks a filled template against the submission's current form and returns what it changes; throws one
     * {@link ValidationException} listing every error (sheet, row, column) when anything is wrong.
     * {@code reporters} names who last entered each stored value (observation id → user), for conflicts.
     */
    public static Changes read(byte[] xlsx, Form form, Function<Long, Indicator> indicators, Map<Long, String> reporters,
                               LocalDate today) {
        try (Workbook wb = open(xlsx)) {
            List<ValidationException.Error> errors = new ArrayList<>();
            checkIdentity(wb, form.submission(), errors);
            List<TaskChange> tasks = readTasks(wb, form, errors);
            List<ValueChange> values = readValues(wb, form, indicators, reporters, errors);
            List<MilestoneChange> milestones = readMilestones(wb, form, today, errors);
            if (!errors.isEmpty()) throw new ValidationException(errors);
            return new Changes(tasks, values, milestones);
        } catch (IOException e) {
            throw unreadable(e.getMessage());
        }
    }

    /** Refuses what is not an .xlsx, and zip bombs, before POI inflates anything; other uploads of .xlsx use it too. */
    public static Workbook open(byte[] bytes) {
        if (bytes == null || bytes.length == 0) throw new InvalidParameterException("file", both("upload.missing"));
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new InvalidParameterException("file", both("workbook.error.notXlsx"));
        }
        scanZip(bytes);
        try {
            // POI's ZipSecureFile guards (inflate ratio, entry size) apply here as a second line
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (Exception | LinkageError e) {
            throw unreadable(e.getMessage());
        }
    }

    private static void scanZip(byte[] bytes) {
        long total = 0;
        int entries = 0;
        boolean workbookPart = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) throw bomb();
                if (entry.getName().equals("xl/workbook.xml")) workbookPart = true;
                long size = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (total > MAX_EXPANDED_BYTES) throw bomb();
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && size > 1_000_000 && size / (double) compressed > MAX_INFLATE_RATIO) throw bomb();
            }
        } catch (IOException e) {
            throw unreadable(e.getMessage());
        }
        if (!workbookPart) {
            throw new InvalidParameterException("file", both("workbook.error.notWorkbook"));
        }
    }

    private static InvalidParameterException bomb() {
        return new InvalidParameterException("file", both("workbook.error.bomb", MAX_EXPANDED_BYTES >> 20));
    }

    private static InvalidParameterException unreadable(String why) {
        return new InvalidParameterException("file", both("workbook.error.unreadable", why));
    }

    private static void checkIdentity(Workbook wb, Submission s, List<ValidationException.Error> errors) {
        Sheet about = wb.getSheet(ABOUT);
        if (about == null) {
            errors.add(new ValidationException.Error(zh("workbook.sheet", ABOUT), both("workbook.error.sheetMissing", ABOUT)));
            return;
        }
        for (Row row : about) {
            if (ID_LABEL.equals(plain(row.getCell(0)))) {
                String id = plain(row.getCell(1));
                if (!String.valueOf(s.id()).equals(id)) {
                    errors.add(cellError(ABOUT, row.getRowNum(), ID_LABEL, 1,
                            both("workbook.error.otherSubmission", id, s.id(), s.unitName(), s.period())));
                }
                return;
            }
        }
        errors.add(new ValidationException.Error(zh("workbook.sheet", ABOUT), both("workbook.error.idMissing", ID_LABEL)));
    }

    private static List<TaskChange> readTasks(Workbook wb, Form form, List<ValidationException.Error> errors) {
        Map<String, Integer> columns = columns(wb, TASKS, TASK_COLUMNS, errors);
        if (columns == null) return List.of();
        Map<String, List<TaskReport>> byCode = new HashMap<>();
        form.tasks().forEach(t -> byCode.computeIfAbsent(t.taskCode(), k -> new ArrayList<>()).add(t));
        Set<Long> seen = new HashSet<>();
        List<TaskChange> changes = new ArrayList<>();
        Sheet sheet = wb.getSheet(TASKS);
        if (sheet.getLastRowNum() > MAX_ROWS) {
            errors.add(new ValidationException.Error(zh("workbook.sheet", TASKS), both("workbook.error.tooManyRows", sheet.getLastRowNum(), MAX_ROWS)));
            return List.of();
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blankRow(row, columns)) continue;
            Cells cells = new Cells(TASKS, row, columns, errors);
            String code = cells.text(CODE);
            List<TaskReport> candidates = code == null ? List.of() : byCode.getOrDefault(code, List.of());
            TaskReport task;
            if (candidates.isEmpty()) {
                cells.error(CODE, code == null ? both("workbook.error.codeEmpty") : both("workbook.error.noSuchTask", code));
                continue;
            } else if (candidates.size() == 1) {
                task = candidates.get(0);
            } else {
                Long id = cells.whole(TASK_ID, true);
                task = candidates.stream().filter(t -> Objects.equals(id, t.taskId())).findFirst().orElse(null);
                if (task == null) {
                    cells.error(CODE, both("workbook.error.ambiguousCode", code));
                    continue;
                }
            }
            if (!seen.add(task.taskId())) {
                cells.error(CODE, both("workbook.error.taskTwice", code));
                continue;
            }
            String stateText = cells.text(STATE);
            String state = stateText == null ? null : stateOf(stateText);
            if (state == null) {
                String labels = String.join(zh("workbook.listSeparator"), STATE_LABELS.values());
                cells.error(STATE, (stateText == null ? zh("workbook.error.stateEmpty", labels) : zh("workbook.error.stateInvalid", stateText, labels))
                        + " " + en("workbook.error.stateInvalid", stateText, STATE_LABELS.values()));
            }
            Long percent = cells.whole(PERCENT, false);
            if (percent != null && (percent < 0 || percent > 100)) {
                cells.error(PERCENT, both("workbook.error.percent", percent));
            }
            String narrative = cells.text(NARRATIVE), problems = cells.text(PROBLEMS), next = cells.text(NEXT);
            if ("blocked".equals(state) && problems == null) cells.error(PROBLEMS, both("report.error.blockedNeedsProblems"));
            Long version = cells.whole(VERSION, true);
            if (cells.failed()) continue;
            TaskInput input = new TaskInput(state, percent == null ? null : percent.intValue(), narrative, problems, next);
            boolean same = Objects.equals(state, task.progress()) && Objects.equals(input.percentDone(), task.percentDone())
                    && Objects.equals(narrative, task.narrative()) && Objects.equals(problems, task.problems())
                    && Objects.equals(next, task.nextSteps());
            if (same) continue;
            if (version == null || version != task.version()) {
                cells.error(VERSION, both("workbook.error.taskChanged", task.updatedBy(), version, task.version(), code));
                continue;
            }
            changes.add(new TaskChange(task.taskId(), input, task.version()));
        }
        return changes;
    }

    private static List<ValueChange> readValues(Workbook wb, Form form, Function<Long, Indicator> indicators,
                                                Map<Long, String> reporters, List<ValidationException.Error> errors) {
        Map<String, Integer> columns = columns(wb, VALUES, VALUE_COLUMNS, errors);
        if (columns == null) return List.of();
        Map<String, IndicatorEntry> byName = new HashMap<>();
        form.indicators().forEach(e -> byName.put(e.name(), e));
        Set<Long> seen = new HashSet<>();
        List<ValueChange> changes = new ArrayList<>();
        Sheet sheet = wb.getSheet(VALUES);
        if (sheet.getLastRowNum() > MAX_ROWS) {
            errors.add(new ValidationException.Error(zh("workbook.sheet", VALUES), both("workbook.error.tooManyRows", sheet.getLastRowNum(), MAX_ROWS)));
            return List.of();
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blankRow(row, columns)) continue;
            Cells cells = new Cells(VALUES, row, columns, errors);
            String name = cells.text(INDICATOR);
            IndicatorEntry entry = name == null ? null : byName.get(name);
            if (entry == null) {
                cells.error(INDICATOR, name == null ? both("workbook.error.indicatorEmpty") : both("workbook.error.noSuchIndicator", name));
                continue;
            }
            if (!seen.add(entry.indicatorId())) {
                cells.error(INDICATOR, both("workbook.error.indicatorTwice", name));
                continue;
            }
            BigDecimal value = cells.number(VALUE);
            String explanation = cells.text(EXPLANATION);
            Long version = cells.whole(VERSION, true);
            if (cells.failed()) continue;
            boolean same = (value == null ? entry.value() == null : entry.value() != null && value.compareTo(entry.value()) == 0)
                    && Objects.equals(explanation, entry.explanation());
            if (same) continue;
            if (entry.heldElsewhere() != null) {
                cells.error(VALUE, entry.heldElsewhere().message());
                continue;
            }
            // a value once entered cannot be emptied here: the rules then ask for a value
            for (ObservationRules.Violation v : ObservationRules.check(indicators.apply(entry.indicatorId()), value,
                    entry.previousValue(), explanation)) {
                cells.error(v.field().equals("explanation") ? EXPLANATION : VALUE, v.message());
            }
            if (cells.failed()) continue;
            Integer current = entry.version();
            if (!Objects.equals(version == null ? null : version.intValue(), current)) {
                String someone = zh("workbook.someoneElse");
                String who = entry.observationId() == null ? someone : reporters.getOrDefault(entry.observationId(), someone);
                cells.error(VERSION, both("workbook.error.valueChanged", who, name));
                continue;
            }
            changes.add(new ValueChange(entry.indicatorId(), new ValueInput(value, entry.comment(), explanation, current)));
        }
        return changes;
    }

    /**
     * The milestones sheet: a completed date where there was none, or a different one, is a change. The sheet is
     * optional, so templates downloaded before it existed still upload; a date in the future, a date that is not one,
     * or emptying a date already reported are cell errors.
     */
    private static List<MilestoneChange> readMilestones(Workbook wb, Form form, LocalDate today, List<ValidationException.Error> errors) {
        if (wb.getSheet(MILESTONES) == null) return List.of();
        Map<String, Integer> columns = columns(wb, MILESTONES, MILESTONE_COLUMNS, errors);
        if (columns == null) return List.of();
        Map<Long, MilestoneEntry> byId = new HashMap<>();
        form.milestones().values().forEach(list -> list.forEach(m -> byId.put(m.milestoneId(), m)));
        Sheet sheet = wb.getSheet(MILESTONES);
        if (sheet.getLastRowNum() > MAX_ROWS) {
            errors.add(new ValidationException.Error(zh("workbook.sheet", MILESTONES), both("workbook.error.tooManyRows", sheet.getLastRowNum(), MAX_ROWS)));
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        List<MilestoneChange> changes = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blankRow(row, columns)) continue;
            Cells cells = new Cells(MILESTONES, row, columns, errors);
            Long id = cells.whole(MILESTONE_ID, true);
            MilestoneEntry m = id == null ? null : byId.get(id);
            if (m == null) {
                if (!cells.failed()) cells.error(MILESTONE_ID, both("workbook.error.hiddenAltered"));
                continue;
            }
            if (!seen.add(m.milestoneId())) {
                cells.error(MILESTONE, both("workbook.error.milestoneTwice", m.text()));
                continue;
            }
            LocalDate completed = cells.date(COMPLETED_ON);
            if (cells.failed()) continue;
            if (completed == null) {
                if (m.reportedCompletedOn() != null) cells.error(COMPLETED_ON, both("workbook.error.completedOnCleared", m.reportedCompletedOn()));
                continue;
            }
            if (completed.isAfter(today)) {
                cells.error(COMPLETED_ON, both("workbook.error.completedOnFuture", completed, today));
                continue;
            }
            if (!completed.equals(m.reportedCompletedOn())) {
                changes.add(new MilestoneChange(m.taskId(), m.milestoneId(), completed, m.evidenceId()));
            }
        }
        return changes;
    }

    /** Header name → column index; null (and an error) when the sheet or a column is missing. */
    private static Map<String, Integer> columns(Workbook wb, String sheetName, List<String> required, List<ValidationException.Error> errors) {
        Sheet sheet = wb.getSheet(sheetName);
        if (sheet == null) {
            errors.add(new ValidationException.Error(zh("workbook.sheet", sheetName), both("workbook.error.sheetMissing", sheetName)));
            return null;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        Row header = sheet.getRow(0);
        if (header != null) {
            for (Cell cell : header) {
                String name = plain(cell);
                if (name != null) columns.putIfAbsent(name, cell.getColumnIndex());
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new ValidationException.Error(zh("workbook.sheetFirstRow", sheetName),
                    both("workbook.error.columnsMissing", String.join(zh("workbook.listSeparator"), missing), missing)));
            return null;
        }
        return columns;
    }

    private static boolean blankRow(Row row, Map<String, Integer> columns) {
        for (int c : columns.values()) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String stateOf(String text) {
        for (var e : STATE_LABELS.entrySet()) {
            if (e.getValue().equals(text) || e.getKey().equals(text)) return e.getKey();
        }
        return null;
    }

    static String where(String sheet, int rowIndex, String column) {
        return zh("workbook.where", sheet, rowIndex + 1, column);
    }

    /** An error in one cell, with its place spelled out (sheet, row, cell reference, column header) besides {@link #where}. */
    static ValidationException.Error cellError(String sheet, int rowIndex, String column, int columnIndex, String message) {
        return new ValidationException.Error(where(sheet, rowIndex, column), message, sheet, rowIndex + 1,
                new CellReference(rowIndex, columnIndex).formatAsString(false), column);
    }

    /** A cell's text as shown, or null when empty; the apostrophe {@link SpreadsheetText#safe} adds is taken off again. */
    private static String plain(Cell cell) {
        if (cell == null) return null;
        String text = switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
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

    /** The cells of one row, read by column header; every problem is recorded with its place. */
    private static final class Cells {
        final String sheet;
        final Row row;
        final Map<String, Integer> columns;
        final List<ValidationException.Error> errors;
        final int before;

        Cells(String sheet, Row row, Map<String, Integer> columns, List<ValidationException.Error> errors) {
            this.sheet = sheet;
            this.row = row;
            this.columns = columns;
            this.errors = errors;
            this.before = errors.size();
        }

        boolean failed() {
            return errors.size() > before;
        }

        void error(String column, String message) {
            errors.add(cellError(sheet, row.getRowNum(), column, columns.get(column), message));
        }

        Cell cell(String column) {
            return row.getCell(columns.get(column));
        }

        String text(String column) {
            Cell cell = cell(column);
            if (cell != null && cell.getCellType() == CellType.FORMULA) {
                error(column, both("workbook.error.formula"));
                return null;
            }
            String text = plain(cell);
            if (text != null && text.length() > 4000) {
                error(column, both("workbook.error.textTooLong", text.length(), 4000));
                return null;
            }
            // POI decodes _x0000_ in the sheet's XML to a NUL, which PostgreSQL cannot store: the request edge's rule
            String unstorable = StorableText.problem(text);
            if (unstorable != null) {
                error(column, unstorable);
                return null;
            }
            return text;
        }

        /** The cell's number, bounded by {@link StoredNumber} before anything computes with it; null when empty or wrong. */
        BigDecimal number(String column) {
            Cell cell = cell(column);
            if (cell == null) return null;
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            if (type == CellType.BLANK) return null;
            String text;
            if (type == CellType.NUMERIC) {
                double d = cell.getNumericCellValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    error(column, both("workbook.error.notANumber"));
                    return null;
                }
                text = NumberToTextConverter.toText(d);
            } else if (type == CellType.STRING) {
                text = cell.getStringCellValue().strip().replace(",", "");
                if (text.isEmpty()) return null;
            } else {
                error(column, both("workbook.error.numberExpected"));
                return null;
            }
            try {
                return StoredNumber.parse(text);
            } catch (StoredNumber.Invalid e) {
                error(column, e.getMessage());
                return null;
            }
        }

        /** A day: a date cell, or text as 2025-03-31 (also 2025/3/31 or 2025.3.31); null when empty or wrong. */
        LocalDate date(String column) {
            Cell cell = cell(column);
            if (cell == null || cell.getCellType() == CellType.BLANK) return null;
            if (cell.getCellType() == CellType.NUMERIC) {
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate();
                }
            } else if (cell.getCellType() == CellType.STRING) {
                String text = cell.getStringCellValue().strip();
                if (text.isEmpty()) return null;
                Matcher m = DAY.matcher(text);
                if (m.matches()) {
                    try {
                        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    } catch (java.time.DateTimeException e) {
                        // falls through to the error below
                    }
                }
            }
            error(column, both("workbook.error.notADate", plain(cell)));
            return null;
        }

        Long whole(String column, boolean hidden) {
            Cell cell = cell(column);
            BigDecimal n = number(column);
            if (n == null) return null;
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                error(column, hidden ? both("workbook.error.hiddenAltered") : both("workbook.error.notWhole", plain(cell)));
                return null;
            }
        }
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String state : List.of("not_started", "in_progress", "done", "blocked")) m.put(state, zh("workbook.state." + state));
        return Collections.unmodifiableMap(m);
    }
}
