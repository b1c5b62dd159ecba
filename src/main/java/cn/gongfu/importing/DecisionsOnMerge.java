package cn.gongfu.importing;

import cn.gongfu.unit.UnitsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An import still in review that mapped a name to the merged unit maps it to the survivor. Runs in the merge's transaction. */
@Component
class DecisionsOnMerge {

    private final JdbcClient jdbc;

    DecisionsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("update import_unit_decision set unit_id = :s where unit_id = :m").params(p(e)).update();
    }

    private static Map<String, Object> p(UnitsMerged e) {
        return Map.of("s", e.survivorId(), "m", e.mergedId());
    }
}
