package cn.gongfu.indicator;

import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lower level's accepted values flowing up (分级): a county's accepted value of an indicator becomes the value, for
 * that county, of the indicator of the same name and unit in the plan region above it (the city), so the city's plan
 * sees its counties side by side on its own indicators. Each copy keeps its source in {@code observation_roll_up}; only
 * copies are ever changed or removed here, so a value the higher level reported itself always stays, and accepted data
 * stays locked. Set-based: one statement for each of withdraw, update and insert, whatever the number of values.
 *
 * <p>The copies carry the state {@code approved} and reporter {@link #REPORTER}: they are the source's accepted value,
 * not a new report; the evaluation of the higher plan in its own region does not read them (they are the lower
 * regions' values), the side-by-side pages do.
 */
@Service
public class IndicatorRollUp {

    /** The reporter of every copied value. */
    public static final String REPORTER = "roll-up";

    private final JdbcClient jdbc;
    private final Clock clock;

    IndicatorRollUp(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a sync did: copies added, copies changed to follow their source, copies withdrawn, and values kept because the higher level reported its own. */
    public record Result(int copied, int updated, int withdrawn, int keptOwn) {

        public Result plus(Result other) {
            return new Result(copied + other.copied, updated + other.updated, withdrawn + other.withdrawn, keptOwn + other.keptOwn);
        }

        public boolean changedAnything() {
            return copied + updated + withdrawn > 0;
        }
    }

    /**
     * Brings the copies of the regions {@code children} (each a region directly below {@code parentCode}) on the
     * parent's indicators in line with the children's own accepted values: adds missing ones, follows changed ones,
     * withdraws those whose source is no longer accepted. {@code submissionId} limits the additions and changes to that
     * report's values (an acceptance), null takes every value (the office's roll-up of a region).
     */
    @Transactional
    public Result sync(String parentCode, Collection<String> children, Long submissionId) {
        if (parentCode == null || children.isEmpty()) return new Result(0, 0, 0, 0);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        String sourceOf = " from observation_roll_up u join observation s on s.indicator_id = u.source_indicator_id"
                + " and s.region_code = u.region_code and s.period = u.period";
        String sameKey = " u.indicator_id = o.indicator_id and u.region_code = o.region_code and u.period = o.period";

        // a copy whose source is gone, unaccepted or empty is withdrawn, and its record with it
        int withdrawn = jdbc.sql("delete from observation o where exists (select 1 from observation_roll_up u where" + sameKey
                        + " and u.region_code in (:children) and not exists (select 1 from observation s"
                        + " where s.indicator_id = u.source_indicator_id and s.region_code = u.region_code and s.period = u.period"
                        + " and s.state = 'approved' and s.value is not null))")
                .param("children", children).update();
        jdbc.sql("delete from observation_roll_up u where u.region_code in (:children) and not exists (select 1 from observation o"
                        + " where" + sameKey + ")")
                .param("children", children).update();

        String bySubmission = submissionId == null ? "" : " and s.submission_id = :s";
        int updated = jdbc.sql("update observation o set value = (select s.value" + sourceOf + " where" + sameKey + "),"
                        + " reported_at = :now, version = version + 1 where exists (select 1" + sourceOf + " where" + sameKey
                        + " and u.region_code in (:children) and s.value <> o.value" + bySubmission + ")")
                .param("now", now).param("children", children).params(submission(submissionId)).update();

        // the pairs: a child's own accepted value, and the parent's indicator of the same name and unit
        String pairs = " from observation s join indicator i on i.id = s.indicator_id and i.region_code = s.region_code"
                + " join indicator j on j.region_code = :parent and j.name = i.name and coalesce(j.unit, '') = coalesce(i.unit, '')"
                + " where s.region_code in (:children) and s.state = 'approved' and s.value is not null" + bySubmission;
        String existing = "select 1 from observation x where x.indicator_id = j.id and x.region_code = s.region_code and x.period = s.period";
        int keptOwn = jdbc.sql("select count(*)" + pairs + " and exists (" + existing + ") and not exists (select 1 from observation_roll_up u"
                        + " where u.indicator_id = j.id and u.region_code = s.region_code and u.period = s.period)")
                .param("parent", parentCode).param("children", children).params(submission(submissionId)).query(Integer.class).single();
        int copied = jdbc.sql("insert into observation_roll_up (indicator_id, region_code, period, source_indicator_id, copied_at)"
                        + " select j.id, s.region_code, s.period, i.id, :now" + pairs + " and not exists (" + existing + ")")
                .param("now", now).param("parent", parentCode).param("children", children).params(submission(submissionId)).update();
        if (copied > 0) {
            jdbc.sql("insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at)"
                            + " select u.indicator_id, u.region_code, u.period, s.value, 'approved', :by, :now" + sourceOf
                            + " where u.region_code in (:children) and not exists (select 1 from observation o where" + sameKey + ")")
                    .param("by", REPORTER).param("now", now).param("children", children).update();
        }
        return new Result(copied, updated, withdrawn, keptOwn);
    }

    private static java.util.Map<String, Object> submission(Long submissionId) {
        return submissionId == null ? java.util.Map.of() : java.util.Map.of("s", submissionId);
    }

    /** The regions of which a report holds values of their own indicators: where its acceptance may flow up from. */
    public List<String> ownRegionsOf(long submissionId) {
        return jdbc.sql("select distinct o.region_code from observation o join indicator i on i.id = o.indicator_id"
                        + " and i.region_code = o.region_code where o.submission_id = :s order by o.region_code")
                .param("s", submissionId).query(String.class).list();
    }

    /** A region's latest accepted value of an indicator in a year, found by the indicator's name. */
    public record LatestValue(String regionCode, String indicatorName, String unit, String polarity, String period,
                              java.math.BigDecimal value, boolean copied) {}

    /**
     * The latest accepted value in {@code year} of each indicator name in each of {@code regions}, from the
     * indicators of the regions {@code owners} (a region's own, and its parent's: a county's towns report on the
     * county's indicators). The year's own value comes first, then its latest quarter or month; a region's own
     * indicator before a copy on the parent's. Only regions in the caller's scope.
     */
    public List<LatestValue> latestByName(Collection<String> regions, Collection<String> owners, int year) {
        if (regions.isEmpty()) return List.of();
        Where where = Scope.current().restrictRegion(new Where().and("o.region_code in (:regions)", "regions", regions)
                .and("i.region_code in (:owners)", "owners", owners).and("o.state = 'approved'").and("o.value is not null")
                // a year's periods are [year, year + 1) as text: '2025', '2025Q1', '2025-03' (one partition on PostgreSQL)
                .and("o.period >= :from", "from", String.valueOf(year)).and("o.period < :to", "to", String.valueOf(year + 1)),
                "o.region_code");
        return jdbc.sql("select region_code, name, unit, polarity, period, value, copied from (select o.region_code, i.name, i.unit,"
                        + " i.polarity, o.period, o.value, case when exists (select 1 from observation_roll_up u where u.indicator_id = o.indicator_id"
                        + " and u.region_code = o.region_code and u.period = o.period) then 1 else 0 end as copied,"
                        + " row_number() over (partition by o.region_code, i.name order by case when o.period = :from then 0 else 1 end,"
                        + " case when i.region_code = o.region_code then 0 else 1 end, o.period desc) as nth"
                        + " from observation o join indicator i on i.id = o.indicator_id" + where.sql() + ") v where nth = 1"
                        + " order by name, region_code")
                .params(where.params())
                .query((rs, n) -> new LatestValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getInt(7) == 1)).list();
    }

    /** The years in which any of {@code regions} has an accepted value, newest first. */
    public List<Integer> yearsWithValues(Collection<String> regions) {
        if (regions.isEmpty()) return List.of();
        return jdbc.sql("select distinct substring(period, 1, 4) from observation where region_code in (:regions)"
                        + " and state = 'approved' order by 1 desc")
                .param("regions", regions).query(String.class).list().stream().map(Integer::valueOf).toList();
    }
}
