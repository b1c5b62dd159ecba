package cn.gongfu.evaluation.levels;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.indicator.IndicatorRollUp;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.IndicatorSpec;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.RegionService;
import cn.gongfu.support.DemoFacts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, on each database (the observations partitioned by year on PostgreSQL): the demo district's accepted values
 * of one of its indicators flow up to its city's indicator of the same name and unit — added, following a changed
 * source, withdrawn when the source is no longer accepted — and a value the city reported itself is never touched.
 */
abstract class RollUpContract {

    @Autowired
    IndicatorRollUp rollUp;
    @Autowired
    IndicatorService indicators;
    @Autowired
    RegionService regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    Long cityIndicator;
    final java.util.Map<Long, String> states = new java.util.HashMap<>();
    final java.util.Map<Long, BigDecimal> values = new java.util.HashMap<>();

    @AfterEach
    void putTheDemoBack() {
        if (cityIndicator != null) jdbc.sql("delete from indicator where id = :i").param("i", cityIndicator).update();
        states.forEach((id, state) -> jdbc.sql("update observation set state = :s where id = :i").param("s", state).param("i", id).update());
        values.forEach((id, value) -> jdbc.sql("update observation set value = :v where id = :i").param("v", value).param("i", id).update());
    }

    @Test
    void copiesFollowTheirSourceAndNeverTouchTheHigherLevelsOwnValues() {
        String district = DemoFacts.DEMO_REGION;
        String city = regions.get(district).parentCode();
        // the district's indicator with the most accepted values of its own
        record Source(long id, String name, String unit) {}
        Source source = jdbc.sql("""
                select i.id, i.name, i.unit from indicator i join observation o on o.indicator_id = i.id and o.region_code = i.region_code
                where i.region_code = :r and o.state = 'approved' and o.value is not null
                group by i.id, i.name, i.unit order by count(*) desc, i.id""").param("r", district)
                .query((rs, n) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3))).list().get(0);
        List<Long> accepted = jdbc.sql("select id from observation where indicator_id = :i and region_code = :r and state = 'approved'"
                        + " and value is not null order by period").param("i", source.id()).param("r", district).query(Long.class).list();
        assertThat(accepted.size()).isGreaterThanOrEqualTo(2);
        cityIndicator = Scope.asSystem(() -> indicators.ensure(city, List.of(
                new IndicatorSpec(null, source.name(), source.unit(), "higher", false, null, null, null)))).get(source.name());
        // the city reported the district's first period itself
        String firstPeriod = jdbc.sql("select period from observation where id = :i").param("i", accepted.get(0)).query(String.class).single();
        indicators.addObservations(List.of(new NewObservation(cityIndicator, district, firstPeriod, new BigDecimal("-1"), "approved", "city", null)));

        IndicatorRollUp.Result first = tx.execute(s -> rollUp.sync(city, List.of(district), null));
        assertThat(first.copied()).isEqualTo(accepted.size() - 1);
        assertThat(first.keptOwn()).isEqualTo(1);
        assertThat(copies()).isEqualTo(accepted.size() - 1);
        assertThat(jdbc.sql("select value from observation where indicator_id = :i and region_code = :r and period = :p")
                .param("i", cityIndicator).param("r", district).param("p", firstPeriod).query(BigDecimal.class).single())
                .isEqualByComparingTo("-1");
        IndicatorRollUp.Result again = tx.execute(s -> rollUp.sync(city, List.of(district), null));
        assertThat(again).isEqualTo(new IndicatorRollUp.Result(0, 0, 0, 1));

        // a source changed: its copy follows; a source no longer accepted: its copy goes
        long changed = accepted.get(1);
        values.put(changed, jdbc.sql("select value from observation where id = :i").param("i", changed).query(BigDecimal.class).single());
        jdbc.sql("update observation set value = value + 1000 where id = :i").param("i", changed).update();
        long reopened = accepted.get(accepted.size() - 1);
        states.put(reopened, "approved");
        jdbc.sql("update observation set state = 'submitted' where id = :i").param("i", reopened).update();
        IndicatorRollUp.Result second = tx.execute(s -> rollUp.sync(city, List.of(district), null));
        assertThat(second.withdrawn()).isEqualTo(accepted.size() > 2 ? 1 : 0);
        assertThat(second.updated()).isEqualTo(accepted.size() > 2 ? 1 : 0);
        assertThat(copies()).isEqualTo(accepted.size() - 1 - second.withdrawn());
        assertThat(jdbc.sql("""
                select count(*) from observation_roll_up u join observation s on s.indicator_id = u.source_indicator_id
                  and s.region_code = u.region_code and s.period = u.period
                join observation c on c.indicator_id = u.indicator_id and c.region_code = u.region_code and c.period = u.period
                where u.indicator_id = :i and c.value = s.value and s.state = 'approved'""")
                .param("i", cityIndicator).query(Integer.class).single()).as("every copy equals its accepted source").isEqualTo(copies());
    }

    private int copies() {
        return jdbc.sql("select count(*) from observation where indicator_id = :i and reported_by = :by")
                .param("i", cityIndicator).param("by", IndicatorRollUp.REPORTER).query(Integer.class).single();
    }
}
