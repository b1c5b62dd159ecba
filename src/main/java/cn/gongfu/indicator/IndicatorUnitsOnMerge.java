package cn.gongfu.indicator;

import cn.gongfu.unit.UnitsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An indicator the merged unit was responsible for is the survivor's. Runs in the merge's transaction. */
@Component
class IndicatorUnitsOnMerge {

    private final JdbcClient jdbc;

    IndicatorUnitsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("update indicator set unit_id = :s where unit_id = :m").params(p(e)).update();
    }

    private static Map<String, Object> p(UnitsMerged e) {
        return Map.of("s", e.survivorId(), "m", e.mergedId());
    }
}
