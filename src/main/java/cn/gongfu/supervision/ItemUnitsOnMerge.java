package cn.gongfu.supervision;

import cn.gongfu.unit.UnitsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Items still open against the merged unit go to the survivor; closed ones keep the unit they were closed with. Runs in the merge's transaction. */
@Component
class ItemUnitsOnMerge {

    private final JdbcClient jdbc;

    ItemUnitsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("update supervised_item set unit_id = :s where unit_id = :m and state <> 'CLOSED'").params(p(e)).update();
    }

    private static Map<String, Object> p(UnitsMerged e) {
        return Map.of("s", e.survivorId(), "m", e.mergedId());
    }
}
