package cn.gongfu.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The abbreviation rules of unit/abbreviations.txt: a name and its short form come to the same short form. */
class UnitAbbreviationsTest {

    @Test
    void theShortFormsDocumentsWriteMeetTheFullNames() {
        assertThat(UnitAbbreviations.shortForm("区卫健局")).isEqualTo(UnitAbbreviations.shortForm("区卫生健康局")).isEqualTo("卫健局");
        assertThat(UnitAbbreviations.shortForm("区资规分局")).isEqualTo(UnitAbbreviations.shortForm("区自然资源和规划分局")).isEqualTo("资规分局");
        assertThat(UnitAbbreviations.shortForm("县发改局")).isEqualTo(UnitAbbreviations.shortForm("县发展和改革局")).isEqualTo("发改局");
        assertThat(UnitAbbreviations.shortForm("区发改委")).isEqualTo(UnitAbbreviations.shortForm("区发展和改革委员会"));
        assertThat(UnitAbbreviations.shortForm("市人社局")).isEqualTo(UnitAbbreviations.shortForm("市人力资源和社会保障局"));
        assertThat(UnitAbbreviations.shortForm("区住建局")).isEqualTo(UnitAbbreviations.shortForm("区住房和城乡建设局"));
        assertThat(UnitAbbreviations.shortForm("区文广旅体局")).isEqualTo(UnitAbbreviations.shortForm("区文化和广电旅游体育局"));
        assertThat(UnitAbbreviations.shortForm("区市场监管局")).isEqualTo(UnitAbbreviations.shortForm("区市场监督管理局"));
        assertThat(UnitAbbreviations.shortForm("区经信局")).isEqualTo(UnitAbbreviations.shortForm("区经济和信息化局"));
        assertThat(UnitAbbreviations.shortForm("区医保局")).isEqualTo(UnitAbbreviations.shortForm("区医疗保障局"));
    }

    @Test
    void differentUnitsKeepDifferentShortForms() {
        assertThat(UnitAbbreviations.shortForm("区卫生健康局")).isNotEqualTo(UnitAbbreviations.shortForm("区民政局"));
        assertThat(UnitAbbreviations.shortForm("区医疗保障分局")).isNotEqualTo(UnitAbbreviations.shortForm("区医疗保障局"));
        assertThat(UnitAbbreviations.shortForm("区市场监督管理局")).isEqualTo("市场监管局");
        // a prefix alone is not dropped from a name it would empty
        assertThat(UnitAbbreviations.shortForm("市局")).isEqualTo("市局");
        assertThat(UnitAbbreviations.shortForm("松原镇")).isEqualTo("松原镇");
    }
}
