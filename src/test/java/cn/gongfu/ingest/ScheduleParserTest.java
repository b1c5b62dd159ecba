package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleParserTest {

    private static List<String> months(String schedule) {
        return ScheduleParser.parse(schedule, 2022).stream()
                .map(m -> m.isDated() ? m.from() + ".." + m.to() : "?").toList();
    }

    @Test
    void formsOfScheduleLines() {
        assertThat(months("2-4月:印发要点。5—8月:验收;组织活动。10月—12月:总结。"))
                .containsExactly("2022-02..2022-04", "2022-05..2022-08", "2022-10..2022-12");
        assertThat(months("5月底前:完成上线。12月底前:总结。")).containsExactly("2022-01..2022-05", "2022-01..2022-12");
        assertThat(months("全年:开展培训。")).containsExactly("2022-01..2022-12");
        assertThat(months("二季度完成征集,三季度申报,四季度完成评审。"))
                .containsExactly("2022-04..2022-06", "2022-07..2022-09", "2022-10..2022-12");
        assertThat(months("6月:出台政策。")).containsExactly("2022-06..2022-06");
        assertThat(months("7月前:开展活动。")).containsExactly("2022-01..2022-07");
        assertThat(months("年底前:完成任务。")).containsExactly("2022-01..2022-12");
        assertThat(months("3-4月 参与调查。5月:配合调查。")).containsExactly("2022-03..2022-04", "2022-05..2022-05");
        assertThat(months("工业项目:二季度完成征集。")).containsExactly("2022-04..2022-06");
        assertThat(months("上半年:完成方案。")).containsExactly("2022-01..2022-06");
    }

    @Test
    void aYearWrittenBeforeTheTimeWinsOverThePlansYear() {
        assertThat(months("2024年9月底前")).containsExactly("2024-01..2024-09");
        assertThat(months("2023年底前:完成改造。")).containsExactly("2023-01..2023-12");
        assertThat(months("2025年二季度")).containsExactly("2025-04..2025-06");
        assertThat(ScheduleParser.parse("2024年9月底前", 2022).get(0).text()).isEqualTo("2024年9月底前");
        assertThat(months("2025年")).as("a year alone names no month").containsExactly("?");
    }

    @Test
    void monthsInsideTextDoNotSplitItems() {
        assertThat(months("9-12月:争取弥勒圣坛12月试运营。")).containsExactly("2022-09..2022-12");
    }

    @Test
    void scheduleParagraphDetection() {
        assertThat(ScheduleParser.looksLikeSchedule("2-4月:印发")).isTrue();
        assertThat(ScheduleParser.looksLikeSchedule("全年:推进")).isTrue();
        assertThat(ScheduleParser.looksLikeSchedule("每月对全区技术交易额数据进行监测")).isFalse();
        assertThat(ScheduleParser.looksLikeSchedule("1.制定方案")).isFalse();
    }
}
