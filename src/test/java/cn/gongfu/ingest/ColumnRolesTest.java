package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The office reassigns what a column holds and the document is re-read with it: a 责任科室 column the reader took for an
 * unknown one becomes the co-operating units, a 推进计划 column the deadlines, and the cells become units and milestones.
 */
class ColumnRolesTest {

    private static final String DOC = """
            青溪区2024年民生实事项目推进表

            序号 | 工作任务 | 牵头单位 | 协办科室 | 推进计划
            1 | 新建社区食堂10家 | 区民政局 | 养老服务科 | 2024年9月底前
            2 | 改造老旧小区5个 | 区住建局 | 城建科 | 2024年11月底前
            """;

    private final DocumentParser parser = new DocumentParser();

    @Test
    void theReaderSaysWhatEachColumnHolds() {
        ParsedDocument doc = parser.parseText("推进表.txt", DOC);
        assertThat(doc.tables()).hasSize(1);
        ParsedTable table = doc.tables().get(0);
        assertThat(table.line()).isEqualTo(3);
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.columns()).extracting(ParsedTable.Column::header, ParsedTable.Column::role)
                .containsExactly(tuple("序号", "SERIAL"), tuple("工作任务", "TITLE"),
                        tuple("牵头单位", "LEAD_UNITS"), tuple("协办科室", "OTHER"),
                        tuple("推进计划", "OTHER"));
        ParsedTask t1 = doc.tasks().get(0);
        assertThat(t1.coUnits()).isEmpty();
        assertThat(t1.milestones()).isEmpty();
        assertThat(t1.columns()).containsEntry("协办科室", "养老服务科").containsEntry("推进计划", "2024年9月底前");
    }

    @Test
    void reReadWithTheOfficesChoicesTurnsTheCellsIntoUnitsAndMilestones() {
        ColumnRoles roles = ColumnRoles.of(Map.of(ColumnRoles.key(3, 3), "CO_UNITS", ColumnRoles.key(3, 4), "DEADLINE"));
        ParsedDocument doc = parser.parseText("推进表.txt", DOC, roles);
        assertThat(doc.tables().get(0).columns()).extracting(ParsedTable.Column::role)
                .containsExactly("SERIAL", "TITLE", "LEAD_UNITS", "CO_UNITS", "DEADLINE");
        ParsedTask t1 = doc.tasks().get(0);
        assertThat(t1.title()).isEqualTo("新建社区食堂10家");
        assertThat(t1.leadUnits()).containsExactly("区民政局");
        assertThat(t1.coUnits()).containsExactly("养老服务科");
        assertThat(t1.milestones()).extracting(ParsedMilestone::to).containsExactly(YearMonth.of(2024, 9));
        assertThat(doc.tasks().get(1).milestones()).extracting(ParsedMilestone::to).containsExactly(YearMonth.of(2024, 11));
    }

    @Test
    void aChoiceCanAlsoTakeAMeaningAway() {
        // 牵头单位 read as notes: the cells are kept by their header, no unit is named.
        ParsedDocument doc = parser.parseText("推进表.txt", DOC, ColumnRoles.of(Map.of(ColumnRoles.key(3, 2), "NOTE")));
        assertThat(doc.tasks()).hasSize(2);
        assertThat(doc.tasks().get(0).leadUnits()).isEmpty();
    }

    @Test
    void choicesThatCannotApplyAreIgnoredNotGuessed() {
        // A year column needs a year in its header; an unknown role or a key of another table changes nothing.
        assertThat(ColumnRoles.fits("YEAR", "推进计划")).isFalse();
        assertThat(ColumnRoles.fits("YEAR", "2025年目标")).isTrue();
        assertThat(ColumnRoles.isChoice("ENGLISH")).isFalse();
        assertThat(ColumnRoles.isChoice("DEADLINE")).isTrue();
        ColumnRoles odd = ColumnRoles.of(Map.of(ColumnRoles.key(3, 4), "YEAR", ColumnRoles.key(3, 3), "NONSENSE",
                ColumnRoles.key(99, 1), "NOTE"));
        ParsedDocument doc = parser.parseText("推进表.txt", DOC, odd);
        assertThat(doc.tables().get(0).columns()).extracting(ParsedTable.Column::role)
                .containsExactly("SERIAL", "TITLE", "LEAD_UNITS", "OTHER", "OTHER");
    }
}
