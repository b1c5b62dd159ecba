package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TargetComparatorTest {

    @Test
    void theCodesAreThoseOfTheTargetTableAndTheExtractionContract() throws IOException {
        assertThat(TargetComparator.codes()).containsExactlyElementsOf(checkedValues("comparator"));
        String contract = Files.readString(Path.of("../shared/spec/extraction.md"));
        TargetComparator.codes().forEach(code -> assertThat(contract).contains("`" + code + "`"));
    }

    @Test
    void aCodeIsReadIgnoringCaseAndBlanksAndAnythingElseIsRefused() {
        assertThat(TargetComparator.fromCode(" Range ")).isEqualTo(TargetComparator.RANGE);
        assertThat(TargetComparator.isCode("ge")).isTrue();
        assertThat(TargetComparator.isCode("GE")).as("stored codes are lower case").isFalse();
        assertThatThrownBy(() -> TargetComparator.fromCode("between")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TargetComparator.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directionIsThatOfTheBound() {
        assertThat(TargetComparator.GE.isUpward()).isTrue();
        assertThat(TargetComparator.GT.isUpward()).isTrue();
        assertThat(TargetComparator.LE.isDownward()).isTrue();
        assertThat(TargetComparator.LT.isDownward()).isTrue();
        for (TargetComparator c : List.of(TargetComparator.EQ, TargetComparator.RANGE, TargetComparator.ASSIGNED, TargetComparator.QUALITATIVE)) {
            assertThat(c.isUpward() || c.isDownward()).as(c.code()).isFalse();
        }
    }

    /** The range rule: both bounds; a bound on one side only is ge or le ("不低于X", "控制在X以内"), never a range. */
    @Test
    void aRangeNeedsBothBoundsAndABoundNeedsItsValue() {
        BigDecimal one = BigDecimal.ONE, two = BigDecimal.valueOf(2);
        assertThat(TargetComparator.RANGE.isSatisfiedBy(null, one, two)).isTrue();
        assertThat(TargetComparator.RANGE.isSatisfiedBy(null, one, null)).isFalse();
        assertThat(TargetComparator.RANGE.isSatisfiedBy(null, null, two)).isFalse();
        assertThat(TargetComparator.RANGE.isSatisfiedBy(one, null, null)).as("a value is no range").isFalse();
        assertThat(TargetComparator.RANGE.needs()).isEqualTo("min and max");
        for (TargetComparator c : List.of(TargetComparator.GE, TargetComparator.GT, TargetComparator.LE, TargetComparator.LT, TargetComparator.EQ)) {
            assertThat(c.isSatisfiedBy(one, null, null)).as(c.code()).isTrue();
            assertThat(c.isSatisfiedBy(null, one, two)).as(c.code() + " without a value").isFalse();
            assertThat(c.needs()).isEqualTo("a value");
        }
        assertThat(TargetComparator.ASSIGNED.isSatisfiedBy(null, null, null)).isTrue();
        assertThat(TargetComparator.QUALITATIVE.isSatisfiedBy(null, null, null)).isTrue();
        assertThat(TargetComparator.QUALITATIVE.isSatisfiedBy(100.0, null, null)).as("the rule takes doubles as well").isTrue();
    }

    /** The values a column's check constraint allows, read from the migration that creates it. */
    static List<String> checkedValues(String column) throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V1__plan_model.sql"));
        Matcher m = Pattern.compile(column + "\\s+varchar\\(\\d+\\)\\s+not null check \\(" + column + " in \\(([^)]*)\\)\\)").matcher(sql);
        assertThat(m.find()).as("check constraint on " + column).isTrue();
        return Pattern.compile("'([a-z_]+)'").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
    }
}
