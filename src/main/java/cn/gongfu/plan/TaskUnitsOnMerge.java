package cn.gongfu.plan;

import cn.gongfu.unit.UnitsMerged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan's tasks follow a merge: the survivor takes the merged unit's place on each task (lead where either led). Runs in the merge's transaction. */
@Component
class TaskUnitsOnMerge {

    private final JdbcClient jdbc;

    TaskUnitsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("""
                update task_unit set role = 'lead' where unit_id = :s
                and task_id in (select task_id from task_unit where unit_id = :m and role = 'lead')""").params(p(e)).update();
        jdbc.sql("delete from task_unit where unit_id = :m and task_id in (select task_id from task_unit where unit_id = :s)").params(p(e)).update();
        jdbc.sql("update task_unit set unit_id = :s where unit_id = :m").params(p(e)).update();
    }

    private static Map<String, Object> p(UnitsMerged e) {
        return Map.of("s", e.survivorId(), "m", e.mergedId());
    }
}
