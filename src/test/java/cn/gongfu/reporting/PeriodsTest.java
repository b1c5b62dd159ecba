package cn.gongfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.vocabulary.Periods;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void calendarsAreComputed() {
        assertThat(Periods.between("2025Q3", "2026Q2", "quarterly")).containsExactly("2025Q3", "2025Q4", "2026Q1", "2026Q2");
        assertThat(Periods.between("2025-11", "2026-02", "monthly")).containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
        assertThat(Periods.dueOn("2025Q4", 5)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Periods.dueOn("2025-02", 10)).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(Periods.previous("2025Q1")).isEqualTo("2024Q4");
        assertThat(Periods.previous("2025")).isEqualTo("2024");
        assertThat(Periods.previous("2025-01")).isEqualTo("2024-12");
        assertThat(Periods.containing(LocalDate.of(2026, 11, 23), "quarterly")).isEqualTo("2026Q4");
    }

    @Test
    void annualIndicatorsAreOwedInTheYearsLastPeriod() {
        assertThat(Periods.indicatorPeriod("2025Q4", "annual")).isEqualTo("2025");
        assertThat(Periods.indicatorPeriod("2025Q3", "annual")).isNull();
        assertThat(Periods.indicatorPeriod("2025-12", "quarterly")).isEqualTo("2025Q4");
        assertThat(Periods.indicatorPeriod("2025-11", "quarterly")).isNull();
        assertThat(Periods.indicatorPeriod("2025Q2", "quarterly")).isEqualTo("2025Q2");
    }

    @Test
    void periodsAreValidatedStrictly() {
        for (String good : List.of("2025", "2025Q4", "2025-12")) assertThat(Periods.valid(good)).as(good).isTrue();
        for (String bad : List.of("2025Q5", "2025-13", "25Q1", "2025-1", "", "2025q1")) assertThat(Periods.valid(bad)).as(bad).isFalse();
    }
}
