package cn.gongfu.evaluation.survey;

import cn.gongfu.evaluation.method.FourSensesIndex;
import cn.gongfu.evaluation.method.FourSensesIndex.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The four-senses index of survey waves, computed on every read from the stored raw wave: raw answers go
 * through {@link FourSensesIndex#fromRespondents} (the overall interval accounts for the correlation of one
 * person's four answers), an office's summary through {@link FourSensesIndex#fromSummaries}.
 * Scope is applied by {@link SurveyService}, which every read goes through first.
 */
@Service
public class FourSensesService {

    private final SurveyService surveys;
    private final JdbcClient jdbc;

    public FourSensesService(SurveyService surveys, JdbcClient jdbc) {
        this.surveys = surveys;
        this.jdbc = jdbc;
    }

    /** Imports a wave (all or nothing, see {@link SurveyService#importWave}) and returns it with its index. */
    public WaveIndex importWave(String regionCode, String name, LocalDate fieldedOn, int scalePoints, byte[] xlsx) {
        SurveyWave wave = surveys.importWave(regionCode, name, fieldedOn, scalePoints, xlsx);
        return index(wave.id());
    }

    public WaveIndex index(long waveId) {
        return indices(List.of(surveys.wave(waveId))).get(0);
    }

    /** Every wave in scope (of one region if given), oldest first, each with its index. */
    public List<WaveIndex> indices(String regionCode) {
        return indices(surveys.waves(regionCode));
    }

    /** Two queries for all the waves: their raw answers, and their summaries. */
    private List<WaveIndex> indices(List<SurveyWave> waves) {
        if (waves.isEmpty()) return List.of();
        List<Long> ids = waves.stream().map(SurveyWave::id).toList();
        Map<Long, TreeMap<Integer, Map<Dimension, Integer>>> answers = new HashMap<>();
        jdbc.sql("select wave_id, respondent, dimension, score from survey_answer where wave_id in (:ids)")
                .param("ids", ids).query((RowCallbackHandler) rs -> {
                    answers.computeIfAbsent(rs.getLong(1), w -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt(2), r -> new EnumMap<>(Dimension.class))
                            .put(dimension(rs.getString(3)), rs.getInt(4));
                });
        Map<Long, Map<Dimension, FourSensesIndex.Summary>> summaries = new HashMap<>();
        jdbc.sql("select wave_id, dimension, mean, sd, n from survey_summary where wave_id in (:ids)")
                .param("ids", ids).query((RowCallbackHandler) rs -> {
                    summaries.computeIfAbsent(rs.getLong(1), w -> new EnumMap<>(Dimension.class))
                            .put(dimension(rs.getString(2)), new FourSensesIndex.Summary(
                                    rs.getBigDecimal(3).doubleValue(), rs.getBigDecimal(4).doubleValue(), rs.getInt(5)));
                });
        List<WaveIndex> result = new ArrayList<>();
        for (SurveyWave w : waves) {
            var raw = answers.get(w.id());
            try {
                if (raw != null) {
                    result.add(WaveIndex.of(w, WaveIndex.ANSWERS, raw.size(),
                            FourSensesIndex.fromRespondents(w.scalePoints(), new ArrayList<>(raw.values()))));
                } else if (summaries.containsKey(w.id())) {
                    result.add(WaveIndex.of(w, WaveIndex.SUMMARY, null,
                            FourSensesIndex.fromSummaries(w.scalePoints(), summaries.get(w.id()))));
                } else {
                    result.add(WaveIndex.unavailable(w, "no answers and no summary stored"));
                }
            } catch (IllegalArgumentException e) {
                // stored before the import checked what the method needs (e.g. n = 1): shown, not hidden
                result.add(WaveIndex.unavailable(w, e.getMessage()));
            }
        }
        return result;
    }

    static Dimension dimension(String code) {
        return Dimension.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
