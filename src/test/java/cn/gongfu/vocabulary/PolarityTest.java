package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PolarityTest {

    @Test
    void theCodesAreThoseOfTheIndicatorTable() throws IOException {
        assertThat(Polarity.codes()).containsExactlyElementsOf(TargetComparatorTest.checkedValues("polarity"));
        assertThat(Polarity.fromCode("LOWER ")).isEqualTo(Polarity.LOWER);
        assertThat(Polarity.isCode("band")).isTrue();
        assertThat(Polarity.isCode("down")).isFalse();
        assertThatThrownBy(() -> Polarity.fromCode("down")).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the parser reads off a table cell and the plan writer off a target named only in a task's text. */
    @Test
    void aComparatorImpliesAPolarity() {
        assertThat(Polarity.impliedBy(TargetComparator.LE)).isEqualTo(Polarity.LOWER);
        assertThat(Polarity.impliedBy(TargetComparator.LT)).isEqualTo(Polarity.LOWER);
        assertThat(Polarity.impliedBy(TargetComparator.ASSIGNED)).isEqualTo(Polarity.QUALITATIVE);
        assertThat(Polarity.impliedBy(TargetComparator.QUALITATIVE)).isEqualTo(Polarity.QUALITATIVE);
        for (TargetComparator c : new TargetComparator[] {TargetComparator.GE, TargetComparator.GT, TargetComparator.EQ, TargetComparator.RANGE}) {
            assertThat(Polarity.impliedBy(c)).as(c.code()).isEqualTo(Polarity.HIGHER);
        }
    }

    @Test
    void directionAndEvents() {
        assertThat(Polarity.HIGHER.direction()).isEqualTo(1);
        assertThat(Polarity.LOWER.direction()).isEqualTo(-1);
        assertThat(Polarity.BAND.direction()).isZero();
        assertThat(Polarity.MILESTONE.isEvent()).isTrue();
        assertThat(Polarity.QUALITATIVE.isEvent()).isTrue();
        assertThat(Polarity.HIGHER.isEvent() || Polarity.LOWER.isEvent() || Polarity.BAND.isEvent()).isFalse();
    }
}
