package cn.gongfu.users;

import cn.gongfu.unit.UnitsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The merged unit's reporters and heads work for the survivor. Runs in the merge's transaction. */
@Component
class UserUnitsOnMerge {

    private final JdbcClient jdbc;

    UserUnitsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("delete from user_unit where unit_id = :m and user_id in (select user_id from user_unit where unit_id = :s)").params(p(e)).update();
        jdbc.sql("update user_unit set unit_id = :s where unit_id = :m").params(p(e)).update();
    }

    private static Map<String, Object> p(UnitsMerged e) {
        return Map.of("s", e.survivorId(), "m", e.mergedId());
    }
}
