package cn.gongfu.generate;

import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
import cn.gongfu.plan.PlanDraft.ObservationDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ReportCalendarService;
import cn.gongfu.unit.UnitService;
import cn.gongfu.users.UserService;
import cn.gongfu.users.UserService.NewUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a data set of a {@link Scale} from a seed: the same seed gives the same rows (names, plans, targets,
 * values, done milestones), whatever the database. Everything goes through the owning modules' services, one county
 * per transaction. Distributions: most indicators on track, some lagging, some regressing; most units finish their
 * milestones on time, a few (the late units) finish late or not at all.
 */
@Service
public class DataSetGenerator {

    /** Every generated user's password: a data set for trying and measuring, never for production. */
    public static final String PASSWORD = "gongfu-generated";
    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2025;
    static final int BASE_YEAR = 2020;
    /** The data set is as of the end of the plan: every month of 2021–2025 observed, every milestone due. */
    static final LocalDate AS_OF = LocalDate.of(LAST_YEAR, 12, 31);
    static final int TOWN_INDICATORS = 50;

    private final RegionService regions;
    private final UnitService units;
    private final PlanWriter plans;
    private final PlanService planService;
    private final IndicatorService indicators;
    private final UserService users;
    private final ReportCalendarService calendars;
    private final TransactionTemplate tx;
    private final Words words = new Words();

    public DataSetGenerator(RegionService regions, UnitService units, PlanWriter plans, PlanService planService,
                            IndicatorService indicators, UserService users, ReportCalendarService calendars,
                            TransactionTemplate tx) {
        this.regions = regions;
        this.units = units;
        this.plans = plans;
        this.planService = planService;
        this.indicators = indicators;
        this.users = users;
        this.calendars = calendars;
        this.tx = tx;
    }

    /** What was generated, counted as it was written; {@code checksum} sums every value and target. */
    public record Summary(Scale scale, long seed, String provinceCode, int regions, int counties, int towns, int units,
                          int plans, int sections, int tasks, int milestones, int milestonesDone, int indicators,
                          int targets, int observations, int users, BigDecimal checksum, double seconds) {}

    /** A province of that code exists already: the data set (or another) was generated into this database before. */
    public static final class AlreadyGenerated extends RuntimeException {
        public final String code;
        public final String name;

        AlreadyGenerated(String code, String name) {
            super("region " + code + " (" + name + ") exists already");
            this.code = code;
            this.name = name;
        }
    }

    public Summary generate(Scale scale, long seed) {
        return generate(scale, seed, scale.provinceCode());
    }

    /**
     * Generates into the province {@code provinceCode} (9X0000, two digits and four zeros): the same seed gives the
     * same data under any code, so tests generate twice side by side.
     */
    public Summary generate(Scale scale, long seed, String provinceCode) {
        if (!provinceCode.matches("[1-9][0-9]0000")) throw new IllegalArgumentException("province code " + provinceCode);
        long started = System.nanoTime();
        Counts counts = new Counts();
        Scope.runAsSystem(() -> {
            regions.find(provinceCode).ifPresent(r -> {
                throw new AlreadyGenerated(r.code(), r.name());
            });
            List<County> counties = layOut(scale, seed, provinceCode);
            tx.executeWithoutResult(s -> regions.create(regionsOf(scale, seed, provinceCode, counties)));
            counts.regions = 1 + (int) counties.stream().map(c -> c.cityCode).distinct().count() + counties.size()
                    + counties.stream().mapToInt(c -> c.towns.size()).sum();
            for (County county : counties) tx.executeWithoutResult(s -> generateCounty(seed, county, counts));
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Summary(scale, seed, provinceCode, counts.regions, counts.counties, counts.towns, counts.units,
                counts.plans, counts.sections, counts.tasks, counts.milestones, counts.milestonesDone, counts.indicators,
                counts.targets, counts.observations, counts.users, counts.checksum.setScale(2, RoundingMode.HALF_UP), seconds);
    }

    private static final class Counts {
        int regions, counties, towns, units, plans, sections, tasks, milestones, milestonesDone, indicators, targets,
                observations, users;
        BigDecimal checksum = BigDecimal.ZERO;
    }

    /** A county to generate: its code, name, city and towns (code, name). */
    record County(int ordinal, String cityCode, String code, String name, List<Region> towns) {}

    /** One random stream per purpose and county, from the seed: a county's rows never depend on another's. */
    static SplittableRandom random(long seed, long salt) {
        long h = seed * 0x9E3779B97F4A7C15L + salt * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        return new SplittableRandom(h);
    }

    List<County> layOut(Scale scale, long seed, String provinceCode) {
        String p = provinceCode.substring(0, 2);
        SplittableRandom r = random(seed, 1);
        List<String> countyStems = shuffled(words.list("county"), r);
        List<String> countySuffix = words.list("countySuffix");
        List<String> townStems = words.list("town");
        List<String> townSuffix = words.list("townSuffix");
        List<County> counties = new ArrayList<>();
        int perCity = scale.counties / scale.cities;
        int extra = scale.counties % scale.cities;
        int ordinal = 0;
        for (int c = 1; c <= scale.cities; c++) {
            String cityCode = p + two(c) + "00";
            int n = perCity + (c <= extra ? 1 : 0);
            for (int k = 1; k <= n; k++) {
                String code = p + two(c) + two(k);
                String name = countyStems.get(ordinal % countyStems.size()) + (ordinal >= countyStems.size() ? two(ordinal / countyStems.size()) : "")
                        + countySuffix.get(r.nextInt(countySuffix.size()));
                int townCount = 10 + r.nextInt(10);
                List<String> stems = shuffled(townStems, r);
                List<Region> towns = new ArrayList<>();
                for (int t = 1; t <= townCount; t++) {
                    String suffix = townSuffix.get(r.nextInt(townSuffix.size()));
                    String townCode = code + (suffix.equals(townSuffix.get(0)) ? "0" : "1") + two(t);
                    towns.add(new Region(townCode, stems.get(t - 1) + suffix, "town", code));
                }
                counties.add(new County(ordinal++, cityCode, code, name, towns));
            }
        }
        return counties;
    }

    private List<Region> regionsOf(Scale scale, long seed, String provinceCode, List<County> counties) {
        List<Region> all = new ArrayList<>();
        all.add(new Region(provinceCode, words.one("province") + provinceCode.substring(0, 2), "province", null));
        List<String> cityStems = shuffled(words.list("city"), random(seed, 2));
        Set<String> cities = new HashSet<>();
        for (County c : counties) {
            if (cities.add(c.cityCode)) {
                int index = Integer.parseInt(c.cityCode.substring(2, 4)) - 1;
                all.add(new Region(c.cityCode, words.format("cityName", cityStems.get(index % cityStems.size())), "city", provinceCode));
            }
        }
        for (County c : counties) {
            all.add(new Region(c.code, c.name, "county", c.cityCode));
            all.addAll(c.towns);
        }
        return all;
    }

    /** One indicator's path: what it aims at each year, and how it actually moves (on track, lagging, regressing). */
    private record Path(String name, String unit, boolean higher, double base, double[] targets, double pace, boolean percent) {

        /** The target line at a fractional year past the base year (0 = 2020, 5 = 2025). */
        double planned(double t) {
            if (t <= 0) return base;
            int y = Math.min((int) Math.floor(t), 4);
            double from = y == 0 ? base : targets[y - 1];
            double to = targets[Math.min(y, 4)];
            return from + (to - from) * Math.min(1, t - y);
        }

        /** The actual value: the base plus the planned change times the pace (1 on track, ½ lagging, < 0 regressing). */
        double actual(double t, double noise) {
            double v = base + (planned(t) - base) * pace;
            v *= 1 + noise;
            return percent ? Math.max(0, Math.min(100, v)) : Math.max(0, v);
        }
    }

    private void generateCounty(long seed, County county, Counts counts) {
        SplittableRandom r = random(seed, 1000 + county.ordinal);
        String region = county.code;

        // ~40 departments, a few of them late in everything they do
        List<String> departments = shuffled(words.list("department"), r);
        int unitCount = Math.min(departments.size(), 38 + r.nextInt(3));
        List<String> unitNames = new ArrayList<>();
        Set<String> lateUnits = new HashSet<>();
        Map<String, Long> unitIds = new HashMap<>();
        for (int i = 0; i < unitCount; i++) {
            String name = county.name + departments.get(i);
            unitNames.add(name);
            unitIds.put(name, units.create(region, name, "department", List.of()));
            if (r.nextDouble() < 0.15) lateUnits.add(name);
        }
        counts.units += unitCount;

        // sections: six actions of three to five themes each
        List<String> actions = shuffled(words.list("action"), r).subList(0, 6);
        List<String> themes = words.list("theme");
        List<String> actionLabels = words.list("actionLabel");
        List<String> themeLabels = words.list("themeLabel");
        List<SectionDraft> sections = new ArrayList<>();
        List<String> themeKeys = new ArrayList<>();
        Map<String, String> actionOfTheme = new HashMap<>();
        for (int a = 0; a < actions.size(); a++) {
            String key = "a" + a;
            sections.add(new SectionDraft(key, null, actionLabels.get(a), actions.get(a)));
            int n = 3 + r.nextInt(3);
            for (int t = 0; t < n; t++) {
                String tk = key + "t" + t;
                sections.add(new SectionDraft(tk, key, themeLabels.get(t), themes.get(r.nextInt(themes.size()))));
                themeKeys.add(tk);
                actionOfTheme.put(tk, actions.get(a));
            }
        }

        // ~500 tasks, each led by one unit with up to three co-operating, with two to four milestones
        List<String> verbs = words.list("verb");
        List<String> objects = words.list("object");
        int taskCount = 480 + r.nextInt(41);
        List<TaskDraft> tasks = new ArrayList<>();
        Map<String, String> leadOf = new HashMap<>();
        for (int i = 1; i <= taskCount; i++) {
            String theme = themeKeys.get(Math.min(themeKeys.size() - 1, (i - 1) * themeKeys.size() / taskCount));
            String title = verbs.get(r.nextInt(verbs.size())) + objects.get(r.nextInt(objects.size()));
            String lead = unitNames.get(r.nextInt(unitNames.size()));
            List<String> co = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                String u = unitNames.get(r.nextInt(unitNames.size()));
                if (!u.equals(lead) && !co.contains(u)) co.add(u);
            }
            List<MilestoneDraft> ms = new ArrayList<>();
            int mCount = 2 + r.nextInt(3);
            int start = r.nextInt(24); // months after 2021-01 the task starts
            int span = Math.max(mCount, 60 - start);
            for (int m = 0; m < mCount; m++) {
                YearMonth from = YearMonth.of(FIRST_YEAR, 1).plusMonths(start + (long) span * m / mCount);
                YearMonth to = YearMonth.of(FIRST_YEAR, 1).plusMonths(start + (long) span * (m + 1) / mCount - 1);
                ms.add(new MilestoneDraft(from.toString(), to.toString(), words.format("milestoneText", m + 1, title)));
            }
            String code = String.valueOf(i);
            leadOf.put(code, lead);
            tasks.add(new TaskDraft("main", code, theme, r.nextDouble() < 0.85 ? "measure" : "key_work", null, title,
                    words.format("taskText", county.name, title, LAST_YEAR), List.of(lead), co, null, null, null, null, ms, List.of()));
        }

        // ~300 indicators: a scope (全域, 农村…) times a measure, each with its path from 2020 to 2025
        List<String> scopes = words.list("indicatorScope");
        List<String> stems = words.list("indicatorStem");
        String money = words.one("moneyUnit");
        List<IndicatorDraft> indicatorDrafts = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        int code = 0;
        for (String scope : scopes) {
            for (String stem : stems) {
                if (r.nextDouble() < 0.02) continue; // a county skips the odd measure
                String[] parts = stem.split("\\|");
                Path path = path(scope + parts[0], parts[1], parts[1].equals(money), parts[2].equals("higher"), r);
                String responsible = unitNames.get(r.nextInt(unitNames.size()));
                if (lateUnits.contains(responsible) && path.pace > 0.8) {
                    path = new Path(path.name, path.unit, path.higher, path.base, path.targets, 0.4 + 0.3 * r.nextDouble(), path.percent);
                }
                paths.add(path);
                List<TargetDraft> targets = new ArrayList<>();
                for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                    BigDecimal value = number(path.targets[y - FIRST_YEAR]);
                    targets.add(new TargetDraft(path.name, path.higher ? "ge" : "le", value, null, null, path.unit, y, null));
                    counts.checksum = counts.checksum.add(value);
                }
                String action = actions.get(r.nextInt(actions.size()));
                indicatorDrafts.add(new IndicatorDraft(String.format("G%03d", ++code), action, path.name, path.unit,
                        path.higher ? "higher" : "lower", false, responsible, null, targets,
                        List.of(new ObservationDraft(String.valueOf(BASE_YEAR), number(path.base), null))));
                counts.checksum = counts.checksum.add(number(path.base));
            }
        }

        PlanDraft draft = new PlanDraft(words.format("planTitle", county.name), region, words.format("planIssuer", county.name),
                FIRST_YEAR, LAST_YEAR, "action_plan", sections, tasks, indicatorDrafts);
        long planId = plans.create(draft);
        counts.plans++;
        counts.counties++;
        counts.sections += sections.size();
        counts.tasks += tasks.size();
        counts.indicators += indicatorDrafts.size();
        counts.targets += indicatorDrafts.size() * (LAST_YEAR - FIRST_YEAR + 1);
        counts.observations += indicatorDrafts.size(); // the base year's values

        // monthly values of every indicator 2021-01 … 2025-12, yearly values of fifty of them in every town
        Map<String, Long> ids = indicators.idsByName(region, paths.stream().map(Path::name).toList());
        List<NewObservation> values = new ArrayList<>();
        for (Path path : paths) {
            long id = ids.get(path.name);
            for (int m = 1; m <= 12 * (LAST_YEAR - FIRST_YEAR + 1); m++) {
                YearMonth month = YearMonth.of(FIRST_YEAR, 1).plusMonths(m - 1);
                BigDecimal v = number(path.actual(m / 12.0, 0.01 * r.nextGaussian()));
                values.add(new NewObservation(id, region, month.toString(), v, "approved", "generator", null));
                counts.checksum = counts.checksum.add(v);
            }
        }
        List<Path> townPaths = shuffled(paths, r).subList(0, Math.min(TOWN_INDICATORS, paths.size()));
        for (Region town : county.towns) {
            double factor = 0.7 + 0.6 * r.nextDouble();
            for (Path path : townPaths) {
                for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                    double v = path.actual(y - BASE_YEAR, 0.03 * r.nextGaussian()) * (path.percent ? 1 : factor);
                    BigDecimal value = number(path.percent ? Math.min(100, v) : v);
                    values.add(new NewObservation(ids.get(path.name), town.code(), String.valueOf(y), value, "approved", "generator", null));
                    counts.checksum = counts.checksum.add(value);
                }
            }
        }
        indicators.addObservations(values);
        counts.observations += values.size();
        counts.towns += county.towns.size();

        // milestones done: on time for most units, late or not at all for the late ones
        Map<Long, LocalDate> done = new HashMap<>();
        List<PlanService.MilestoneRef> refs = planService.milestonesOfPlan(planId); // in plan order: the same each run
        Map<String, String> toMonth = new HashMap<>();
        for (TaskDraft t : tasks) for (MilestoneDraft m : t.milestones()) toMonth.put(t.code() + "/" + m.text(), m.to());
        for (PlanService.MilestoneRef m : refs) {
            boolean late = lateUnits.contains(leadOf.get(m.taskCode()));
            double p = r.nextDouble();
            YearMonth due = YearMonth.parse(toMonth.get(m.taskCode() + "/" + m.text()));
            LocalDate on = null;
            if (!late && p < 0.9) on = due.atDay(1).plusDays(r.nextInt(due.lengthOfMonth()));
            else if (!late && p < 0.95 || late && p < 0.55) on = due.plusMonths(1 + r.nextInt(4)).atDay(1 + r.nextInt(28));
            if (on != null && !on.isAfter(AS_OF)) done.put(m.id(), on);
        }
        planService.completeMilestones(done);
        counts.milestones += refs.size();
        counts.milestonesDone += done.size();

        // the county's plan office and one reporter per unit; the office reports quarterly, indicators yearly
        List<NewUser> people = new ArrayList<>();
        String prefix = "g" + region;
        people.add(new NewUser(prefix + ".office", words.format("officeName", county.name), region, List.of(Role.OFFICE), List.of()));
        for (int i = 0; i < unitNames.size(); i++) {
            people.add(new NewUser(prefix + ".r" + (i + 1), words.format("reporterName", unitNames.get(i)), region,
                    List.of(Role.REPORTER), List.of(unitIds.get(unitNames.get(i)))));
        }
        counts.users += users.createAllUnchecked(people, PASSWORD);
        calendars.setCalendar(planId, "quarterly", "annual", 10, FIRST_YEAR + "Q1", LAST_YEAR + "Q4");
    }

    /** A measure's base value (2020) and its yearly targets, by its kind: a share, a sum of money, a count. */
    private static Path path(String name, String unit, boolean money, boolean higher, SplittableRandom r) {
        boolean percent = unit.equals("%");
        double base = percent ? (higher ? 40 + 50 * r.nextDouble() : 2 + 6 * r.nextDouble())
                : money ? 20000 + 50000 * r.nextDouble()
                : 10 + 990 * r.nextDouble();
        double[] targets = new double[5];
        double growth = 0.03 + 0.05 * r.nextDouble();
        for (int k = 1; k <= 5; k++) {
            double t = percent && higher ? base + (100 - base) * 0.08 * k
                    : higher ? base * Math.pow(1 + growth, k)
                    : base * Math.pow(1 - growth / 2, k);
            targets[k - 1] = t;
        }
        double p = r.nextDouble();
        // most move as planned (a little ahead or behind), some lag, some regress
        double pace = p < 0.72 ? 0.9 + 0.25 * r.nextDouble() : p < 0.9 ? 0.3 + 0.4 * r.nextDouble() : -0.2 - 0.5 * r.nextDouble();
        return new Path(name, unit, higher, base, targets, pace, percent);
    }

    private static BigDecimal number(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** A copy shuffled by the random stream (Fisher–Yates), so the order depends only on the seed. */
    static <T> List<T> shuffled(List<T> list, SplittableRandom r) {
        List<T> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
