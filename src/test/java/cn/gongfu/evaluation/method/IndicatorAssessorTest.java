package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.vocabulary.Periods;
import cn.gongfu.vocabulary.Polarity;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/methodology.md §1–§2, with the seeds' own numbers (seed 002: 奉化
 * "七优享" indicator table 2022–2027; seed 000: 奉化 action plan, targets "到2025年"). Observed values
 * after the baseline are invented for the example and marked so.
 */
class IndicatorAssessorTest {

    private static final double E = 1e-4;
    private final IndicatorAssessor assessor = new IndicatorAssessor();

    /** Seed 002 #1 每千人口拥有3岁以下婴幼儿托位数: 2022 = 3.52, 2025 target 5; observed 2024 = 4.3 (invented). */
    @Test
    void nurseryPlacesAgainst2025Target() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 3.52),
                Target.reach(5, 2025), List.of(Point.of("2023", 4.0), Point.of("2024", 4.3)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(0.5270, within(E));
        assertThat(a.expectedProgress()).isCloseTo(0.6667, within(E));
        assertThat(a.pace()).isCloseTo(0.7905, within(E));
        assertThat(a.growthModel()).isEqualTo(GrowthModel.COMPOUND);
        assertThat(a.rateObserved()).isCloseTo(0.1053, within(E));
        assertThat(a.rateRequired()).isCloseTo(0.1241, within(E));
        assertThat(a.trendRatio()).isCloseTo(0.8481, within(E));
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.MODERATE);
        assertThat(a.projectedValue()).isCloseTo(4.7526, within(E));
        assertThat(a.anticipatedProgress()).isCloseTo(0.8328, within(E));
        assertThat(a.anticipation()).isEqualTo(Assessment.Anticipation.ACCELERATE);
        assertThat(a.status()).isEqualTo(Status.LAGGING);
    }

    /** Same values against the 2027 target 5.5: the longer horizon makes the same 4.3 on track. */
    @Test
    void nurseryPlacesAgainst2027Target() {
        List<Target> yearly = List.of(Target.reach(4, 2023), Target.reach(4.5, 2024), Target.reach(5, 2025),
                Target.reach(5.3, 2026), Target.reach(5.5, 2027));
        assertThat(IndicatorAssessor.targetFor(yearly, 2026).value()).isEqualTo(5.3);
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 3.52),
                IndicatorAssessor.targetFor(yearly, 2027), List.of(Point.of("2024", 4.3)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(0.3939, within(E));
        assertThat(a.expectedProgress()).isCloseTo(0.4, within(E));
        assertThat(a.rateRequired()).isCloseTo(0.0934, within(E));
        assertThat(a.trendRatio()).isCloseTo(1.1274, within(E));
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.ON_TRACK);
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    /** Seed 002 #2 普惠托位占比: 75% in 2022, 90% by 2025; observed 2024 = 86% (invented). */
    @Test
    void subsidisedPlacesShareAheadOfTime() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 75),
                Target.reach(90, 2025), List.of(Point.of("2024", 86)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(0.7333, within(E));
        assertThat(a.pace()).isCloseTo(1.1, within(E));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    /** Time elapsed to the month: from December 2022 to December 2025, June 2024 is 18/36 of the way. */
    @Test
    void expectedProgressToTheMonth() {
        assertThat(Periods.elapsedShare(YearMonth.of(2022, 12), YearMonth.of(2025, 12), YearMonth.of(2024, 6))).isEqualTo(0.5);
        assertThat(Periods.elapsedShare(YearMonth.of(2023, 12), YearMonth.of(2024, 12), YearMonth.of(2024, 6))).isEqualTo(0.5);
        assertThat(Periods.endOf("2024Q1")).isEqualTo(YearMonth.of(2024, 3));
        assertThat(Periods.endOf("2024")).isEqualTo(YearMonth.of(2024, 12));
        assertThat(Periods.endOf("2024-03")).isEqualTo(YearMonth.of(2024, 3));
    }

    /** Seed 000 measure 58: 每千常住人口床位数 6.6 by 2025; baseline 2020 = 5.2, 2023 = 6.7 (invented): met early counts. */
    @Test
    void bedsTargetMetEarlyIsAchieved() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2020, 5.2),
                Target.reach(6.6, 2025), List.of(Point.of("2023", 6.7)));
        Assessment a = assessor.assess(s, YearMonth.of(2023, 12));
        assertThat(a.targetMet()).isTrue();
        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.ACHIEVED);
        assertThat(a.progress()).isCloseTo(1.0714, within(E));
    }

    /** Seed 002 #7 城镇登记失业率: 1.84 in 2022, "<3.5" every year; 2.1 in 2024 (invented) meets it. */
    @Test
    void unemploymentBelowCeilingIsAchieved() {
        IndicatorSeries s = new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2022, 1.84),
                Target.below(3.5, 2024), List.of(Point.of("2024", 2.1)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(new IndicatorAssessor().assess(new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2022, 1.84),
                Target.below(3.5, 2024), List.of(Point.of("2024", 3.5))), YearMonth.of(2024, 12)).targetMet()).isFalse();
    }

    /** Seed 002 #11 重大慢性病过早死亡率: 9.5 in 2022, 8.3 by 2027 (lower is better); 9.2 in 2024 (invented). */
    @Test
    void prematureMortalityFallingTooSlowly() {
        IndicatorSeries s = new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2022, 9.5),
                Target.reach(8.3, 2027), List.of(Point.of("2024", 9.2)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(0.25, within(E));
        assertThat(a.expectedProgress()).isCloseTo(0.4, within(E));
        assertThat(a.pace()).isCloseTo(0.625, within(E));
        assertThat(a.rateObserved()).isCloseTo(-0.0159, within(E));
        assertThat(a.rateRequired()).isCloseTo(-0.0266, within(E));
        assertThat(a.trendRatio()).isCloseTo(0.5973, within(E));
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.INSUFFICIENT);
        assertThat(a.projectedValue()).isCloseTo(8.7677, within(E));
        assertThat(a.anticipatedProgress()).isCloseTo(0.6103, within(E));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
    }

    /** Same indicator rising to 9.6 (invented): moving away from the target. */
    @Test
    void prematureMortalityRisingIsRegressing() {
        IndicatorSeries s = new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2022, 9.5),
                Target.reach(8.3, 2027), List.of(Point.of("2024", 9.6)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(-0.0833, within(E));
        assertThat(a.trendRatio()).isCloseTo(-0.1970, within(E));
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.MOVING_AWAY);
        assertThat(a.status()).isEqualTo(Status.REGRESSING);
    }

    /** Seed 002 #9 开展职业技能培训累计数 (cumulative): 2 in 2022, 10.5 by 2027; 5.0 in 2024 (invented). Linear rates. */
    @Test
    void cumulativeTrainingUsesLinearRates() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, true, Point.ofYear(2022, 2),
                Target.reach(10.5, 2027), List.of(Point.of("2024", 5.0)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.growthModel()).isEqualTo(GrowthModel.LINEAR);
        assertThat(a.progress()).isCloseTo(0.3529, within(E));
        assertThat(a.pace()).isCloseTo(0.8824, within(E));
        assertThat(a.rateObserved()).isCloseTo(1.5, within(E));
        assertThat(a.rateRequired()).isCloseTo(1.7, within(E));
        assertThat(a.trendRatio()).isCloseTo(0.8824, within(E));
        assertThat(a.projectedValue()).isCloseTo(9.5, within(E));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
    }

    /** Seed 002 #10 人均预期寿命 81.68 → 81.81 in 2024 (the plan's own 2024 value): with and without the 2027 target. */
    @Test
    void lifeExpectancyWithAndWithoutTarget() {
        List<Point> obs = List.of(Point.of("2024", 81.81));
        Assessment withTarget = assessor.assess(new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 81.68),
                Target.reach(82.08, 2027), obs), YearMonth.of(2024, 12));
        assertThat(withTarget.trendRatio()).isCloseTo(0.8138, within(E));
        assertThat(withTarget.trendCategory()).isEqualTo(TrendCategory.MODERATE);
        Assessment noTarget = assessor.assess(new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 81.68),
                null, obs), YearMonth.of(2024, 12));
        assertThat(noTarget.rateObserved()).isCloseTo(0.0008, within(E));
        assertThat(noTarget.trendCategory()).isEqualTo(TrendCategory.INSUFFICIENT);
        assertThat(noTarget.status()).isEqualTo(Status.SERIOUSLY_LAGGING);
    }

    /** A target of 0 (dynamic clearance 动态清零 of dangerous rural houses; numbers invented): stand-in 1% of baseline. */
    @Test
    void zeroTargetUsesStandIn() {
        IndicatorSeries s = new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2022, 120),
                Target.reach(0, 2025), List.of(Point.of("2024", 30)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.rateRequired()).isCloseTo(-0.7846, within(E));
        assertThat(a.rateObserved()).isCloseTo(-0.5, within(E));
        assertThat(a.trendRatio()).isCloseTo(0.6373, within(E));
        assertThat(a.progress()).isCloseTo(0.75, within(E));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
    }

    /** Seed 002 #4 通过国家学前教育普及普惠区省级评估: 前期准备 (1) 2022 → 申报 (2) 2023 → 通过 (3) 2024. */
    @Test
    void stagedMilestone() {
        Point base = Point.ofYear(2022, 1);
        Target pass = Target.event(3, 2024);
        Assessment applied = assessor.assess(new IndicatorSeries(Polarity.MILESTONE, false, base, pass,
                List.of(Point.of("2023", 2))), YearMonth.of(2023, 12));
        assertThat(applied.progress()).isCloseTo(0.5, within(E));
        assertThat(applied.expectedProgress()).isCloseTo(0.5, within(E));
        assertThat(applied.status()).isEqualTo(Status.ON_TRACK);
        Assessment late = assessor.assess(new IndicatorSeries(Polarity.MILESTONE, false, base, pass,
                List.of(Point.of("2023", 2))), YearMonth.of(2025, 1));
        assertThat(late.status()).isEqualTo(Status.SERIOUSLY_LAGGING);
        Assessment passed = assessor.assess(new IndicatorSeries(Polarity.MILESTONE, false, base, pass,
                List.of(Point.of("2023", 2), Point.of("2024-11", 3))), YearMonth.of(2024, 12));
        assertThat(passed.status()).isEqualTo(Status.ACHIEVED);
    }

    /** A yes/no milestone without a baseline (seed 002 #15 长期护理保险 全覆盖 by 2024): on track until due. */
    @Test
    void yesNoMilestone() {
        Target full = Target.event(1, 2024);
        Assessment notYet = assessor.assess(new IndicatorSeries(Polarity.QUALITATIVE, false, null, full,
                List.of(Point.of("2023", 0))), YearMonth.of(2023, 12));
        // Without a baseline a yes/no starts from "not done" a year before its first report, so a reported 0 is a report.
        assertThat(notYet.status()).isEqualTo(Status.ON_TRACK);
        Assessment later = assessor.assess(new IndicatorSeries(Polarity.QUALITATIVE, false, Point.ofYear(2022, 0), full,
                List.of(Point.of("2023", 0))), YearMonth.of(2024, 6));
        assertThat(later.status()).isEqualTo(Status.ON_TRACK);
        Assessment done = assessor.assess(new IndicatorSeries(Polarity.QUALITATIVE, false, null, full,
                List.of(Point.of("2024", 1))), YearMonth.of(2024, 12));
        assertThat(done.status()).isEqualTo(Status.ACHIEVED);
    }

    @Test
    void missingReportIsNoData() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 75),
                Target.reach(90, 2025), List.of(Point.of("2023", 85)));
        Assessment a = assessor.assess(s, YearMonth.of(2025, 2), YearMonth.of(2024, 12));
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.reportOverdue()).isTrue();
        assertThat(a.progress()).isCloseTo(0.6667, within(E)); // numbers from the last value are still shown
        Assessment nothing = assessor.assess(new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 75),
                Target.reach(90, 2025), List.of()), YearMonth.of(2023, 6));
        assertThat(nothing.status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void deadlinePassedCannotBeOnTrack() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2022, 75),
                Target.reach(90, 2024), List.of(Point.of("2024", 89)));
        Assessment a = assessor.assess(s, YearMonth.of(2025, 3));
        assertThat(a.pace()).isCloseTo(0.9333, within(E));
        assertThat(a.status()).isEqualTo(Status.LAGGING);
    }

    @Test
    void bandUsesDistanceToTheBand() {
        IndicatorSeries s = new IndicatorSeries(Polarity.BAND, false, Point.ofYear(2022, 8),
                Target.range(3.0, 5.0, 2025), List.of(Point.of("2024", 6)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 12));
        assertThat(a.progress()).isCloseTo(2.0 / 3, within(E)); // distance 3 → 1
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        Assessment away = assessor.assess(new IndicatorSeries(Polarity.BAND, false, Point.ofYear(2022, 4),
                Target.range(3.0, 5.0, 2025), List.of(Point.of("2024", 6))), YearMonth.of(2024, 12));
        assertThat(away.status()).isEqualTo(Status.REGRESSING);
    }

    @Test
    void trendNeedsAYear() {
        IndicatorSeries s = new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2023, 75),
                Target.reach(90, 2025), List.of(Point.of("2024Q2", 76)));
        Assessment a = assessor.assess(s, YearMonth.of(2024, 6));
        assertThat(a.trendCategory()).isEqualTo(TrendCategory.NOT_ASSESSABLE);
        assertThat(a.trendRatio()).isNotNull();
    }
}
