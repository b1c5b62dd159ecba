package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The one period class serves reporting's calendars and the methods' time alike; reporting's own PeriodsTest covers its calendars. */
class PeriodsTest {

    @Test
    void aValueOfAPeriodIsReadAtThePeriodsLastMonth() {
        assertThat(Periods.endOf("2025Q4")).isEqualTo(YearMonth.of(2025, 12));
        assertThat(Periods.endOf(" 2025-03 ")).isEqualTo(YearMonth.of(2025, 3));
        assertThat(Periods.endOf("2025")).isEqualTo(YearMonth.from(Periods.lastDay("2025")));
        for (String period : new String[] {"2025", "2025Q2", "2025-07"}) {
            assertThat(Periods.endOf(period).atEndOfMonth()).as(period).isEqualTo(Periods.lastDay(period));
        }
    }

    @Test
    void aStringThatIsNoPeriodIsRefusedEverywhere() {
        for (String bad : new String[] {"2025-13", "2025Q5", "25Q1", "", null}) {
            assertThat(Periods.valid(bad)).as(String.valueOf(bad)).isFalse();
            assertThatThrownBy(() -> Periods.endOf(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Periods.isMonth("2025-03")).isTrue();
        assertThat(Periods.isMonth("2025Q1")).isFalse();
        assertThat(Periods.isMonth("2023-13")).isFalse();
    }

    @Test
    void cadencesAndElapsedTime() {
        assertThat(Periods.cadenceOf("2025-03")).isEqualTo(Periods.MONTHLY);
        assertThat(Periods.cadenceOf("2025Q1")).isEqualTo(Periods.QUARTERLY);
        assertThat(Periods.cadenceOf("2025")).isEqualTo(Periods.ANNUAL);
        assertThat(Periods.containing(LocalDate.of(2025, 8, 1), Periods.QUARTERLY)).isEqualTo("2025Q3");
        assertThat(Periods.monthsBetween(Periods.endOf("2024"), Periods.endOf("2025Q2"))).isEqualTo(6);
        assertThat(Periods.yearsBetween(Periods.endOf("2022"), Periods.endOf("2025"))).isEqualTo(3.0);
        assertThat(Periods.elapsedShare(YearMonth.of(2024, 12), YearMonth.of(2025, 12), YearMonth.of(2026, 3))).isEqualTo(1.0);
        assertThat(Periods.elapsedShare(YearMonth.of(2024, 12), YearMonth.of(2025, 12), YearMonth.of(2024, 6))).isEqualTo(0.0);
    }
}
