package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasureUnitsTest {

    @Test
    void unitsDifferWhenBothAreGivenAndNotTheSameAfterTrimming() {
        assertThat(MeasureUnits.differ("亿元", "万元")).isTrue();
        assertThat(MeasureUnits.differ("张", "个")).isTrue();
        assertThat(MeasureUnits.differ(" 万元 ", "万元")).isFalse();
        assertThat(MeasureUnits.differ("%", "%")).isFalse();
        assertThat(MeasureUnits.differ(null, "万元")).as("a target without a unit").isFalse();
        assertThat(MeasureUnits.differ(" ", "万元")).isFalse();
        assertThat(MeasureUnits.differ("亿元", null)).as("an indicator without a unit").isFalse();
    }

    @Test
    void aUnitIsKeptTrimmedOrNotAtAll() {
        assertThat(MeasureUnits.clean(" 亿元")).isEqualTo("亿元");
        assertThat(MeasureUnits.clean("  ")).isNull();
        assertThat(MeasureUnits.clean(null)).isNull();
    }
}
