package cn.gongfu.evaluation;

import cn.gongfu.generate.GenerateCommand;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.PlanService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code gongfu recompute [--samples N]}: the evaluation's benchmark over the configured database (a generated data
 * set, say). Times, best of three, one {@code GROUP BY} scan of the accepted values (the reference: the least
 * any evaluation of every value must read), the same values read row by row into the application (the least a
 * recompute in the application, not in SQL, must do), the full recompute of every published plan's standing, and then the
 * incremental step an accepted value triggers (one indicator of one plan re-assessed and stored, in its own
 * transaction) for N indicators chosen at random; prints one line and exits 0. Not a test: docs/benchmarks.md.
 */
public final class RecomputeCommand {

    private RecomputeCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Class<?> app) {
        int samples = 50;
        if (args.length == 3 && args[1].equals("--samples") && args[2].matches("\\d{1,5}")) {
            samples = Integer.parseInt(args[2]);
        } else if (args.length != 1) {
            err.println(BundleText.both("recompute.usage"));
            return 2;
        }
        // as the generator's: no demo, a free loopback port (the security configuration needs a servlet context)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).web(WebApplicationType.SERVLET)
                .run(GenerateCommand.CONTEXT_ARGUMENTS);
        try {
            out.println(measure(context, samples));
            return 0;
        } finally {
            SpringApplication.exit(context);
        }
    }

    private static String measure(ConfigurableApplicationContext context, int samples) {
        EvaluationService evaluation = context.getBean(EvaluationService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        PlanService plans = context.getBean(PlanService.class);
        long[] rows = {0};
        double scan = best(() -> rows[0] = jdbc.sql("""
                select count(*) from (select indicator_id, region_code, count(*) n, max(period) latest, sum(value) total
                from observation where state = 'approved' group by indicator_id, region_code) g""").query(Long.class).single());
        // the same values read into the application, row by row, as any recompute outside the database must
        long[] read = {0};
        double transfer = best(() -> {
            read[0] = 0;
            jdbc.sql("select indicator_id, region_code, period, value from observation where state = 'approved'")
                    .query(rs -> {
                        read[0]++;
                    });
            return read[0];
        });
        long[] stored = {0};
        double full = best(() -> stored[0] = evaluation.recomputeAll());
        record Sample(long planId, long indicatorId) {}
        List<Sample> all = jdbc.sql("select plan_id, indicator_id from indicator_standing order by plan_id, indicator_id")
                .query((rs, i) -> new Sample(rs.getLong(1), rs.getLong(2))).list();
        List<Sample> chosen = new ArrayList<>(all);
        Collections.shuffle(chosen, new Random(1));
        chosen = chosen.subList(0, Math.min(samples, chosen.size()));
        List<Double> steps = new ArrayList<>();
        for (Sample s : chosen) {
            String region = Scope.asSystem(() -> plans.get(s.planId()).regionCode());
            long start = System.nanoTime();
            transaction.executeWithoutResult(t -> evaluation.refresh(Map.of(region, Set.of(s.indicatorId()))));
            steps.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(steps);
        return BundleText.both("recompute.summary", rows[0], format(scan), read[0], format(transfer), stored[0], format(full),
                format(full / scan), format(full / transfer), chosen.size(), format(percentile(steps, 0.5)), format(percentile(steps, 0.99)));
    }

    /** The best of three runs, in seconds. */
    private static double best(LongSupplier work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
