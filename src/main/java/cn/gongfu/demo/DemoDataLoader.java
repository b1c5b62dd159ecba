package cn.gongfu.demo;

import cn.gongfu.cases.CaseService;
import cn.gongfu.cases.CaseStudy;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.PlanPublicity;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.plan.PublicSection;
import cn.gongfu.reporting.ReportCalendarService;
import cn.gongfu.unit.UnitService;
import cn.gongfu.users.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
@org.springframework.core.annotation.Order(1)
@ConditionalOnProperty(name = "gongfu.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    static final String RESOURCE = "demo/qingxi-plan.json";
    static final String USERS = "demo/users.properties";
    static final String CASES = "demo/qingxi-cases.json";
    /** Every demo user's password; the README lists them. Demo data only, never in production. */
    public static final String DEMO_PASSWORD = "gongfu-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final UnitService units;
    private final PlanWriter planWriter;
    private final IndicatorService indicators;
    private final ObjectMapper json;
    private final UserService users;
    private final ReportCalendarService calendars;
    private final PlanService planService;
    private final PlanPublicity publicity;
    private final cn.gongfu.project.ProjectDemo projects;
    private final CaseService cases;

    public DemoDataLoader(JdbcClient jdbc, UnitService units, PlanWriter planWriter, IndicatorService indicators,
                          ObjectMapper json, UserService users, ReportCalendarService calendars, PlanService planService,
                          PlanPublicity publicity, cn.gongfu.project.ProjectDemo projects, CaseService cases) {
        this.projects = projects;
        this.cases = cases;
        this.planService = planService;
        this.publicity = publicity;
        this.users = users;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.units = units;
        this.planWriter = planWriter;
        this.indicators = indicators;
        this.json = json;
    }

    /** One demo user per role, scoped to the demo district; the unit's users work for its health bureau. */
    private void createDemoUsers(String region, Properties names) {
        String unit = names.getProperty("unit");
        long health = units.resolve(region, List.of(unit)).get(unit);
        users.createUnchecked("office", names.getProperty("office"), DEMO_PASSWORD, region, List.of(Role.OFFICE), List.of());
        users.createUnchecked("leader", names.getProperty("leader"), DEMO_PASSWORD, region, List.of(Role.LEADER), List.of());
        users.createUnchecked("reporter", names.getProperty("reporter"), DEMO_PASSWORD, region, List.of(Role.REPORTER), List.of(health));
        users.createUnchecked("head", names.getProperty("head"), DEMO_PASSWORD, region, List.of(Role.UNIT_HEAD), List.of(health));
    }

    /** Marks the demo's done milestones done; one the plan does not have is a broken demo file, said at once. */
    private void completeMilestones(long planId, List<DemoData.DoneMilestone> done) {
        Map<String, Long> ids = new HashMap<>();
        planService.milestonesOfPlan(planId).forEach(m -> ids.put(m.list() + "/" + m.taskCode() + "/" + m.text(), m.id()));
        Map<Long, LocalDate> completedOn = new HashMap<>();
        for (DemoData.DoneMilestone d : done) {
            Long id = ids.get(d.list() + "/" + d.task() + "/" + d.milestone());
            if (id == null) throw new IllegalStateException("demo milestone not in the plan: " + d);
            completedOn.put(id, d.on());
        }
        planService.completeMilestones(completedOn);
    }

    /** A demo case as written in {@code demo/qingxi-cases.json}: its unit by name, its tasks by code in the main list. */
    record DemoCase(String unit, CaseStudy.Kind kind, int year, List<String> tasks, String title, String body) {}

    /** The demo's published cases, so the portal's 典型案例 shows something from the first start. */
    private void publishCases(long planId, String region) throws IOException {
        List<DemoCase> demo;
        try (InputStream in = new ClassPathResource(CASES).getInputStream()) {
            demo = List.of(json.readValue(in, DemoCase[].class));
        }
        Map<String, Long> taskIds = new HashMap<>();
        Scope.runAsSystem(() -> planService.tasksOfPlan(planId).stream().filter(t -> "main".equals(t.list()))
                .forEach(t -> taskIds.put(t.code(), t.id())));
        for (DemoCase c : demo) {
            long unit = units.resolve(region, List.of(c.unit())).get(c.unit());
            List<Long> tasks = c.tasks().stream().map(code -> {
                Long id = taskIds.get(code);
                if (id == null) throw new IllegalStateException("demo case task not in the plan: " + code);
                return id;
            }).toList();
            cases.publishForDemo(new CaseService.CaseText(planId, unit, c.kind(), c.year(), c.title(), c.body(), tasks));
        }
    }

    private static Properties demoUsers() throws IOException {
        Properties names = new Properties();
        try (InputStream in = new ClassPathResource(USERS).getInputStream()) {
            names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return names;
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
        // the demo plan is public with every section, so the portal (/public) shows something from the first start
        Scope.runAsSystem(() -> publicity.publish(planId, EnumSet.allOf(PublicSection.class)));

        List<String> names = demo.observations().stream().map(DemoData.DemoObservation::indicator).distinct().toList();
        Map<String, Long> ids = indicators.idsByName(region, names);
        indicators.addObservations(demo.observations().stream()
                .map(o -> new NewObservation(ids.get(o.indicator()), o.regionCode(), o.period(), o.value(),
                        "approved", "demo", null))
                .toList());
        completeMilestones(planId, demo.milestonesDone());
        // the demo's projects under its tasks, with 2026's monthly reports (accepted), read as the system
        Scope.asSystem(() -> projects.load(planId, region));
        publishCases(planId, region);
        Properties userNames = demoUsers();
        createDemoUsers(region, userNames);
        // the demo district reports quarterly, by the 5th of the next month; indicators once a year
        Scope.runAsSystem(() -> calendars.setCalendar(planId, "quarterly", "annual", 5, "2025Q1", "2026Q4"));
        log.info("Loaded the demo plan {} ({} tasks, {} indicators) for region {}", planId,
                demo.plan().tasks().size(), demo.plan().indicators().size(), region);
        log.info("Demo users (password '{}'): office, leader, reporter and head of {}", DEMO_PASSWORD, userNames.getProperty("unit"));
    }
}
