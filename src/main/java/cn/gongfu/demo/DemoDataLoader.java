package cn.gongfu.demo;

import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.unit.UnitService;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * On the first start with an empty database, loads the fictional 青溪区 and its action plan so a newcomer
 * sees a living system. Never touches a database that already holds a plan.
 */
@Component
@ConditionalOnProperty(name = "gongfu.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    static final String RESOURCE = "demo/qingxi-plan.json";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final UnitService units;
    private final PlanWriter planWriter;
    private final IndicatorService indicators;
    private final ObjectMapper json;

    public DemoDataLoader(JdbcClient jdbc, UnitService units, PlanWriter planWriter, IndicatorService indicators,
                          ObjectMapper json) {
        this.jdbc = jdbc;
        this.units = units;
        this.planWriter = planWriter;
        this.indicators = indicators;
        this.json = json;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("select count(*) from plan").query(Long.class).single() > 0) return;
        DemoData demo;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            demo = json.readValue(in, DemoData.class);
        }
        String region = demo.plan().regionCode();
        for (DemoData.DemoUnit u : demo.units()) units.create(region, u.name(), u.kind(), u.aliases());
        long planId = planWriter.create(demo.plan());

        List<String> names = demo.observations().stream().map(DemoData.DemoObservation::indicator).distinct().toList();
        Map<String, Long> ids = indicators.idsByName(region, names);
        indicators.addObservations(demo.observations().stream()
                .map(o -> new NewObservation(ids.get(o.indicator()), o.regionCode(), o.period(), o.value(),
                        "approved", "demo", null))
                .toList());
        log.info("Loaded the demo plan {} ({} tasks, {} indicators) for region {}", planId,
                demo.plan().tasks().size(), demo.plan().indicators().size(), region);
    }
}
