package cn.gongfu.project;

import cn.gongfu.unit.UnitsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A unit merged into another: its projects go to the survivor, in the merge's transaction. */
@Component
class ProjectUnitsOnMerge {

    private final JdbcClient jdbc;

    ProjectUnitsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged e) {
        jdbc.sql("update project set unit_id = :s where unit_id = :m").param("s", e.survivorId()).param("m", e.mergedId()).update();
    }
}
