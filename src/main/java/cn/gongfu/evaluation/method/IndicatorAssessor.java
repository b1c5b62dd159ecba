package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Periods;
import cn.gongfu.vocabulary.Polarity;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Progress of one indicator toward its target: share of the way travelled against share of time
 * elapsed (UN ESCAP current status, 时序进度), the growth-rate ratio and its trend category (Eurostat,
 * ESCAP), the projection to the target year, and the resulting {@link Status}.
 *
 * <p>Order of the status rules: report overdue → NO_DATA; target met → ACHIEVED; worse than the
 * baseline → REGRESSING; then pace and trend against {@link Thresholds}.
 */
public final class IndicatorAssessor {

    private final Thresholds thresholds;

    public IndicatorAssessor() {
        this(Thresholds.DEFAULTS);
    }

    public IndicatorAssessor(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The target to assess against in a given year from a plan's yearly targets: the earliest whose
     * year is that year or later (the current year's target for an annual assessment; pass the plan's
     * last year to judge the whole plan). Null if none is left.
     */
    public static Target targetFor(List<Target> yearlyTargets, int year) {
        return yearlyTargets.stream().filter(t -> t.year() >= year)
                .min(Comparator.comparingInt(Target::year)).orElse(null);
    }

    public Assessment assess(IndicatorSeries series, YearMonth asOf) {
        return assess(series, asOf, null);
    }

    /**
     * @param asOf          the month of the assessment (counted as elapsed)
     * @param lastDuePeriod the latest period whose report is due by now (e.g. 2024-12 for the annual
     *                      2024 value once its deadline has passed); null when no report is due
     */
    public Assessment assess(IndicatorSeries series, YearMonth asOf, YearMonth lastDuePeriod) {
        List<Point> known = series.observations().stream()
                .filter(p -> !p.period().isAfter(asOf))
                .sorted(Comparator.comparing(Point::period))
                .toList();
        Point baseline = series.baseline();
        if (baseline == null && !known.isEmpty()) {
            // A milestone starts from "not done" (0) a year before its first report; a number from its first value.
            baseline = series.polarity().isEvent() ? new Point(known.get(0).period().minusYears(1), 0) : known.get(0);
        }
        Point base = baseline;
        Point current = base == null ? null : known.stream()
                .filter(p -> p.period().isAfter(base.period())).reduce((a, b) -> b).orElse(null);
        boolean overdue = lastDuePeriod != null && (current == null || current.period().isBefore(lastDuePeriod));
        Target target = series.target();

        if (current == null) {
            String why = overdue ? "no value reported since baseline; report for " + lastDuePeriod + " overdue"
                    : "no value reported since baseline";
            return new Assessment(Status.NO_DATA, why, false, overdue, baseline, null,
                    target == null ? null : target.goal(series.polarity()), target == null ? null : target.year(),
                    null, 0, null, GrowthModel.NONE, null, null, null, TrendCategory.NOT_ASSESSABLE, null, null);
        }
        if (target == null) return withoutTarget(series, baseline, current, overdue);
        if (series.polarity() == Polarity.BAND)
            return band(series, baseline, current, asOf, overdue);
        if (series.polarity().isEvent()) return event(series, baseline, current, asOf, overdue);
        return numeric(series, baseline, current, asOf, overdue);
    }

    // ---- numeric indicators (higher or lower is better) ------------------------------------------

    private Assessment numeric(IndicatorSeries s, Point b, Point c, YearMonth asOf, boolean overdue) {
        Target t = s.target();
        int d = s.polarity().direction();
        double goal = t.goal(s.polarity());
        YearMonth deadline = YearMonth.of(t.year(), 12);
        boolean met = t.isMetBy(c.value(), s.polarity());
        double expected = Periods.elapsedShare(b.period(), deadline, asOf);
        Double progress = goal == b.value() ? null : (c.value() - b.value()) / (goal - b.value());
        Double pace = progress == null || expected == 0 ? null : progress / expected;

        double yearsObserved = Periods.yearsBetween(b.period(), c.period());
        double yearsRequired = Periods.yearsBetween(b.period(), deadline);
        double yearsLeft = Math.max(0, Periods.yearsBetween(c.period(), deadline));
        GrowthModel model = s.cumulative() ? GrowthModel.LINEAR : GrowthModel.COMPOUND;
        Double rateObs = rate(model, b.value(), c.value(), yearsObserved);
        Double rateReq = rate(model, b.value(), goal, yearsRequired);
        Double ratio = rateObs == null || rateReq == null || Math.abs(rateReq) < 1e-12 ? null : d * rateObs / Math.abs(rateReq);
        boolean trendUsable = ratio != null && yearsObserved >= thresholds.minTrendYears();
        TrendCategory category = met ? TrendCategory.ACHIEVED
                : trendUsable ? thresholds.categoryOfRatio(ratio) : TrendCategory.NOT_ASSESSABLE;
        Double projected = project(model, c.value(), rateObs, yearsLeft);
        Double anticipated = projected == null || goal == b.value() ? null : (projected - b.value()) / (goal - b.value());

        double change = d * (c.value() - b.value());
        StatusAndReason sr = status(met, change < 0, progress, expected, pace, trendUsable ? ratio : null, asOf.isAfter(deadline), overdue);
        return new Assessment(sr.status, sr.reason, met, overdue, b, c, goal, t.year(), progress, expected, pace,
                model, rateObs, rateReq, ratio, category, projected, anticipated);
    }

    /**
     * Annual rate between two values {@code years} apart: CAGR for the compound model (a 0 is
     * replaced by a small positive stand-in, values must be positive), increment per year for linear.
     */
    private Double rate(GrowthModel model, double from, double to, double years) {
        if (years <= 0) return null;
        if (model == GrowthModel.LINEAR) return (to - from) / years;
        double standIn = thresholds.zeroStandInShare() * Math.abs(from);
        double a = from, z = to == 0 ? standIn : to;
        if (a <= 0 || z <= 0) return null; // CAGR needs two positive values
        return Math.pow(z / a, 1.0 / years) - 1;
    }

    private static Double project(GrowthModel model, double current, Double rate, double yearsLeft) {
        if (rate == null) return null;
        return model == GrowthModel.LINEAR ? current + rate * yearsLeft : current * Math.pow(1 + rate, yearsLeft);
    }

    // ---- bands: distance to the band, lower is better (Open SDG reflection) -----------------------

    private Assessment band(IndicatorSeries s, Point b, Point c, YearMonth asOf, boolean overdue) {
        Target t = s.target();
        YearMonth deadline = YearMonth.of(t.year(), 12);
        double distB = distance(t, b.value()), distC = distance(t, c.value());
        boolean met = distC == 0;
        double expected = Periods.elapsedShare(b.period(), deadline, asOf);
        Double progress = distB == 0 ? null : (distB - distC) / distB;
        Double pace = progress == null || expected == 0 ? null : progress / expected;
        StatusAndReason sr = status(met, distC > distB, progress, expected, pace, null, asOf.isAfter(deadline), overdue);
        return new Assessment(sr.status, sr.reason, met, overdue, b, c, null, t.year(), progress, expected, pace,
                GrowthModel.NONE, null, null, null, met ? TrendCategory.ACHIEVED : TrendCategory.NOT_ASSESSABLE, null, null);
    }

    private static double distance(Target t, double x) {
        return Math.max(0, Math.max(t.bandLow() - x, x - t.bandHigh()));
    }

    // ---- milestones and yes/no targets --------------------------------------------------------------

    /**
     * A yes/no milestone (baseline 0, goal 1) says nothing about pace: it is on track until its
     * deadline passes, then seriously lagging. A staged milestone (stages 1, 2, 3 …, e.g.
     * 前期准备 → 申报 → 通过) compares the share of stages passed with the share of time.
     */
    private Assessment event(IndicatorSeries s, Point b, Point c, YearMonth asOf, boolean overdue) {
        Target t = s.target();
        YearMonth deadline = YearMonth.of(t.year(), 12);
        double goal = t.goal(s.polarity());
        boolean met = t.isMetBy(c.value(), s.polarity());
        double start = b.value();
        double expected = Periods.elapsedShare(b.period(), deadline, asOf);
        Double progress = goal == start ? (met ? 1.0 : 0.0) : (c.value() - start) / (goal - start);
        Double pace = expected == 0 ? null : progress / expected;
        boolean staged = goal - start > 1;
        StatusAndReason sr;
        if (overdue || met || c.value() < start) {
            sr = status(met, c.value() < start, progress, expected, pace, null, asOf.isAfter(deadline), overdue);
        } else if (asOf.isAfter(deadline)) {
            sr = new StatusAndReason(Status.SERIOUSLY_LAGGING, "deadline " + deadline + " passed, not reached");
        } else if (!staged) {
            sr = new StatusAndReason(Status.ON_TRACK, "not yet reached, due " + deadline);
        } else {
            sr = status(false, false, progress, expected, pace, null, false, false);
        }
        return new Assessment(sr.status, sr.reason, met, overdue, b, c, goal, t.year(), progress, expected, pace,
                GrowthModel.NONE, null, null, null, met ? TrendCategory.ACHIEVED : TrendCategory.NOT_ASSESSABLE, null, null);
    }

    // ---- no quantified target: trend only (Open SDG thresholds on the CAGR) -----------------------

    private Assessment withoutTarget(IndicatorSeries s, Point b, Point c, boolean overdue) {
        int d = s.polarity().direction();
        double years = Periods.yearsBetween(b.period(), c.period());
        GrowthModel model = d == 0 || s.polarity().isEvent() ? GrowthModel.NONE : GrowthModel.COMPOUND;
        Double rateObs = model == GrowthModel.NONE ? null : rate(model, b.value(), c.value(), years);
        TrendCategory category = rateObs == null || years < thresholds.minTrendYears()
                ? TrendCategory.NOT_ASSESSABLE : thresholds.categoryOfRate(d * rateObs);
        Status status = overdue ? Status.NO_DATA : switch (category) {
            case ON_TRACK, ACHIEVED -> Status.ON_TRACK;
            case MODERATE -> Status.LAGGING;
            case INSUFFICIENT -> Status.SERIOUSLY_LAGGING;
            case MOVING_AWAY -> Status.REGRESSING;
            case NOT_ASSESSABLE -> Status.NO_DATA;
        };
        String reason = (overdue ? "report overdue; " : "") + "no quantified target: direction-adjusted CAGR "
                + (rateObs == null ? "n/a" : fmt(d * rateObs)) + " → " + category;
        return new Assessment(status, reason, false, overdue, b, c, null, null, null, 0, null,
                model, rateObs, null, null, category, null, null);
    }

    // ---- the status rules, shared --------------------------------------------------------------

    private record StatusAndReason(Status status, String reason) {}

    private StatusAndReason status(boolean met, boolean worseThanBaseline, Double progress, double expected,
                                   Double pace, Double ratio, boolean deadlinePassed, boolean overdue) {
        Thresholds th = thresholds;
        String nums = "progress " + fmt(progress) + ", expected " + fmt(expected)
                + (ratio == null ? "" : ", trend ratio " + fmt(ratio));
        if (overdue) return new StatusAndReason(Status.NO_DATA, "report for the period due is missing; last " + nums);
        if (met) return new StatusAndReason(Status.ACHIEVED, "target met; " + nums);
        if (worseThanBaseline) return new StatusAndReason(Status.REGRESSING, "worse than baseline; " + nums);
        // After the deadline the trend can no longer save an indicator, and "on track" is impossible.
        double p = progress == null ? 0 : progress;
        boolean paceOk = expected == 0 || p >= th.onTrackPace() * expected;
        boolean paceFair = expected == 0 || p >= th.laggingPace() * expected;
        boolean trendOk = !deadlinePassed && ratio != null && ratio >= th.onTrackRatio();
        boolean trendFair = !deadlinePassed && ratio != null && ratio >= th.moderateRatio();
        if (!deadlinePassed && (paceOk || trendOk))
            return new StatusAndReason(Status.ON_TRACK, (paceOk ? "progress ≥ " + th.onTrackPace() + " × expected" : "trend ratio ≥ " + th.onTrackRatio()) + "; " + nums);
        if (paceFair || trendFair)
            return new StatusAndReason(Status.LAGGING, (deadlinePassed ? "deadline passed, " : "")
                    + (paceFair ? "progress ≥ " + th.laggingPace() + " × expected" : "trend ratio ≥ " + th.moderateRatio()) + "; " + nums);
        return new StatusAndReason(Status.SERIOUSLY_LAGGING, (deadlinePassed ? "deadline passed; " : "")
                + "progress < " + th.laggingPace() + " × expected" + (ratio == null ? "" : " and trend ratio < " + th.moderateRatio()) + "; " + nums);
    }

    static String fmt(Double x) {
        return x == null ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
    }
}
