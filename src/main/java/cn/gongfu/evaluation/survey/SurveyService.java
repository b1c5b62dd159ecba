package cn.gongfu.evaluation.survey;

import static cn.gongfu.kernel.BundleText.both;
import static cn.gongfu.kernel.BundleText.en;
import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ReportWorkbook;
import cn.gongfu.reporting.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four-senses survey (获得感、幸福感、安全感、认同感): waves imported from Excel, either as raw answers
 * (one row per respondent, a column per sense) or as the survey office's summary (mean, SD and sample size
 * per sense). The raw wave is kept so the index method can change without losing data.
 */
@Service
class SurveyService {

    /** The four senses: code, the column header the office writes, and its English name. */
    public static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        for (String code : List.of("gain", "happiness", "security", "identity")) DIMENSIONS.put(code, zh("surveys.dim." + code));
    }

    /** The columns of a summary sheet, as the office writes them. */
    private static final String DIMENSION = zh("surveys.column.dimension"), MEAN = zh("surveys.column.mean"),
            SD = zh("surveys.column.sd"), SAMPLE = zh("surveys.column.sample");

    /** Per sense: the mean answer, its standard deviation and how many answered. */
    public record DimensionStats(String dimension, double mean, double sd, long n) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RegionService regions;
    private final AuditLog audit;

    public SurveyService(JdbcClient jdbc, JdbcTemplate batch, RegionService regions, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.audit = audit;
    }

    /**
     * Imports a wave from an .xlsx file, checking every cell first; errors name sheet, row and column,
     * and nothing is stored unless all is right.
     */
    @Transactional
    public SurveyWave importWave(String regionCode, String name, LocalDate fieldedOn, int scalePoints, byte[] xlsx) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (regionCode == null || regions.find(regionCode).isEmpty() || !scope.coversRegion(regionCode)) {
            throw new InvalidParameterException("region", "unknown region or outside your scope: " + regionCode);
        }
        if (name == null || name.isBlank()) throw new InvalidParameterException("name", en("surveys.error.nameRequired"));
        // survey_wave.name is varchar(200) (V6__evaluation.sql); the API and the page both come through here
        if (name.strip().length() > 200) throw new InvalidParameterException("name", both("rules.tooLong", 200));
        if (fieldedOn == null) throw new InvalidParameterException("fieldedOn", "required");
        if (scalePoints < 3 || scalePoints > 11) throw new InvalidParameterException("scalePoints", "between 3 and 11");
        if (jdbc.sql("select count(*) from survey_wave where region_code = :r and name = :n").param("r", regionCode)
                .param("n", name.strip()).query(Long.class).single() > 0) {
            throw new InvalidParameterException("name", "a wave called " + name + " exists in this region");
        }
        Parsed parsed = read(xlsx, scalePoints);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_wave (region_code, name, fielded_on, scale_points, imported_by)
                values (:r, :n, :d, :k, :by)""")
                .param("r", regionCode).param("n", name.strip()).param("d", fieldedOn).param("k", scalePoints)
                .param("by", scope.user().username()).update(key, "id");
        long waveId = key.getKey().longValue();
        batch.batchUpdate("insert into survey_answer (wave_id, respondent, dimension, score) values (?, ?, ?, ?)",
                parsed.answers(), 1000, (ps, a) -> {
                    ps.setLong(1, waveId);
                    ps.setInt(2, a.respondent());
                    ps.setString(3, a.dimension());
                    ps.setInt(4, a.score());
                });
        batch.batchUpdate("insert into survey_summary (wave_id, dimension, mean, sd, n) values (?, ?, ?, ?, ?)",
                parsed.summaries(), 10, (ps, s) -> {
                    ps.setLong(1, waveId);
                    ps.setString(2, s.dimension());
                    ps.setBigDecimal(3, BigDecimal.valueOf(s.mean()));
                    ps.setBigDecimal(4, BigDecimal.valueOf(s.sd()));
                    ps.setLong(5, s.n());
                });
        audit.record("survey.import", "survey_wave:" + waveId, null,
                name.strip() + ": " + (parsed.answers().isEmpty() ? "summary" : parsed.answers().size() + " answers"));
        return wave(waveId);
    }

    public List<SurveyWave> waves(String regionCode) {
        Scope scope = Scope.current();
        var where = scope.restrictRegion(new Where().and("region_code = :r", "r", regionCode), "region_code");
        return jdbc.sql("select id, region_code, name, fielded_on, scale_points from survey_wave" + where.sql()
                        + " order by fielded_on, id").params(where.params())
                .query(Rows.of(SurveyWave.class)).list();
    }

    public SurveyWave wave(long id) {
        Scope scope = Scope.current();
        return jdbc.sql("select id, region_code, name, fielded_on, scale_points from survey_wave where id = :id")
                .param("id", id).query(Rows.of(SurveyWave.class)).optional()
                .filter(w -> scope.coversRegion(w.regionCode()))
                .orElseThrow(() -> new NotFoundException("survey wave", id));
    }

    /** Mean, SD and n per sense: aggregated in SQL from the raw answers, or as the summary gave them. */
    public List<DimensionStats> stats(long waveId) {
        wave(waveId);
        List<DimensionStats> raw = jdbc.sql("""
                select dimension, avg(cast(score as double precision)), stddev_samp(cast(score as double precision)), count(*)
                from survey_answer where wave_id = :w group by dimension""").param("w", waveId)
                .query((rs, i) -> new DimensionStats(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4))).list();
        List<DimensionStats> found = raw.isEmpty()
                ? jdbc.sql("select dimension, mean, sd, n from survey_summary where wave_id = :w").param("w", waveId)
                        .query((rs, i) -> new DimensionStats(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4))).list()
                : raw;
        return DIMENSIONS.keySet().stream().flatMap(d -> found.stream().filter(s -> s.dimension().equals(d))).toList();
    }

    // ---- reading the workbook

    private record Answer(int respondent, String dimension, int score) {}

    private record Parsed(List<Answer> answers, List<DimensionStats> summaries) {}

    private static Parsed read(byte[] xlsx, int k) {
        try (Workbook book = ReportWorkbook.open(xlsx)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) throw invalid(sheet, 1, "—", both("surveys.error.noHeader"));
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (Cell c : header) columns.put(format.formatCellValue(c).strip(), c.getColumnIndex());
            if (columns.keySet().containsAll(DIMENSIONS.values())) return readAnswers(sheet, columns, k, format);
            if (columns.keySet().containsAll(List.of(DIMENSION, MEAN, SD, SAMPLE))) return readSummary(sheet, columns, k, format);
            throw invalid(sheet, header.getRowNum() + 1, "—", both("surveys.error.header"));
        } catch (IOException | UnsupportedFileFormatException | IllegalStateException e) {
            throw new ValidationException(List.of(new ValidationException.Error("file",
                    both("surveys.error.notXlsx", e.getMessage()))));
        }
    }

    private static Parsed readAnswers(Sheet sheet, Map<String, Integer> columns, int k, DataFormatter format) {
        List<Answer> answers = new ArrayList<>();
        List<ValidationException.Error> errors = new ArrayList<>();
        int respondent = 0;
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, columns.values(), format)) continue;
            respondent++;
            for (var d : DIMENSIONS.entrySet()) {
                Cell cell = row.getCell(columns.get(d.getValue()));
                String text = cell == null ? "" : format.formatCellValue(cell).strip();
                try {
                    int score = Integer.parseInt(text);
                    if (score < 1 || score > k) throw new NumberFormatException();
                    answers.add(new Answer(respondent, d.getKey(), score));
                } catch (NumberFormatException e) {
                    errors.add(error(sheet, r + 1, d.getValue(), both("surveys.error.answer", StoredNumber.echo(text), k)));
                }
            }
        }
        // the index's confidence interval needs a standard deviation, so at least two respondents
        if (respondent < 2) errors.add(error(sheet, 2, "—", both("surveys.error.respondents", respondent)));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new Parsed(answers, List.of());
    }

    private static Parsed readSummary(Sheet sheet, Map<String, Integer> columns, int k, DataFormatter format) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        DIMENSIONS.forEach((code, label) -> byLabel.put(label, code));
        List<DimensionStats> rows = new ArrayList<>();
        List<ValidationException.Error> errors = new ArrayList<>();
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, columns.values(), format)) continue;
            String label = text(row, columns.get(DIMENSION), format);
            String code = byLabel.get(label);
            if (code == null) {
                errors.add(error(sheet, r + 1, DIMENSION, both("surveys.error.notASense", label, DIMENSIONS.values())));
                continue;
            }
            if (rows.stream().anyMatch(s -> s.dimension().equals(code))) {
                errors.add(error(sheet, r + 1, DIMENSION, both("surveys.error.senseTwice", label)));
                continue;
            }
            Double mean = number(sheet, row, columns.get(MEAN), MEAN, format, errors);
            Double sd = number(sheet, row, columns.get(SD), SD, format, errors);
            Double n = number(sheet, row, columns.get(SAMPLE), SAMPLE, format, errors);
            if (mean != null && (mean < 1 || mean > k)) errors.add(error(sheet, r + 1, MEAN, both("surveys.error.mean", k)));
            // answers lie within 1..k, so their SD cannot exceed k − 1; both bounds also keep within numeric(8, 4) and integer
            if (sd != null && (sd < 0 || sd > k - 1)) {
                errors.add(error(sheet, r + 1, SD, both("surveys.error.sd", k - 1)));
            }
            if (n != null && (n < 2 || n > Integer.MAX_VALUE || n != Math.floor(n))) {
                errors.add(error(sheet, r + 1, SAMPLE, both("surveys.error.sample", Integer.MAX_VALUE)));
            }
            if (mean != null && sd != null && n != null) rows.add(new DimensionStats(code, mean, sd, n.longValue()));
        }
        if (errors.isEmpty() && rows.stream().map(DimensionStats::dimension).distinct().count() != DIMENSIONS.size()) {
            errors.add(error(sheet, 1, DIMENSION, both("surveys.error.everySense")));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new Parsed(List.of(), rows);
    }

    /** A finite number, or null with an error: NaN and Infinity (which Double.parseDouble reads from text) are refused. */
    private static Double number(Sheet sheet, Row row, int column, String header, DataFormatter format,
                                 List<ValidationException.Error> errors) {
        Cell cell = row.getCell(column);
        String text = text(row, column, format);
        double d;
        try {
            d = cell != null && cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (Double.isFinite(d)) return d;
        errors.add(error(sheet, row.getRowNum() + 1, header, both("surveys.error.notFinite", StoredNumber.echo(text))));
        return null;
    }

    private static String text(Row row, int column, DataFormatter format) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).strip();
    }

    private static boolean blank(Row row, Collection<Integer> columns, DataFormatter format) {
        return columns.stream().allMatch(c -> text(row, c, format).isEmpty());
    }

    private static ValidationException.Error error(Sheet sheet, int row, String column, String message) {
        return new ValidationException.Error(zh("workbook.where", sheet.getSheetName(), row, column), message);
    }

    private static ValidationException invalid(Sheet sheet, int row, String column, String message) {
        return new ValidationException(List.of(error(sheet, row, column, message)));
    }
}
