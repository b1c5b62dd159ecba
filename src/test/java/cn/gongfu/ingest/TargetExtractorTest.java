package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongfu.vocabulary.TargetComparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetExtractorTest {

    private static List<ParsedTarget> prose(String text) {
        return TargetExtractor.extract(text, 2025, TargetExtractor.Mode.PROSE);
    }

    @Test
    void comparatorsOfTheContract() {
        assertThat(prose("到2025年，每千常住人口床位数达到6.6张。")).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("每千常住人口床位数");
            assertThat(t.comparator()).isEqualTo(TargetComparator.GE);
            assertThat(t.value()).isEqualByComparingTo("6.6");
            assertThat(t.unit()).isEqualTo("张");
            assertThat(t.year()).isEqualTo(2025);
            assertThat(t.text()).isEqualTo("每千常住人口床位数达到6.6张");
        });
        assertThat(prose("到2025年，市场主体超过80万户。").get(0).comparator()).isEqualTo(TargetComparator.GT);
        assertThat(prose("到2025年，死亡率降至8%以下。").get(0).comparator()).isEqualTo(TargetComparator.LE);
        assertThat(prose("到2025年，失业率控制在3.5%以内。").get(0).comparator()).isEqualTo(TargetComparator.LE);
        assertThat(prose("到2025年，万人成讼率低于80。").get(0)).satisfies(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.LT);
            assertThat(t.unit()).isEmpty();
        });
        assertThat(prose("到2025年，新增非遗项目1-2个。").get(0)).satisfies(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.RANGE);
            assertThat(t.min()).isEqualByComparingTo("1");
            assertThat(t.max()).isEqualByComparingTo("2");
        });
        assertThat(prose("到2025年，基本养老保险参保人数完成市下达任务。").get(0).comparator()).isEqualTo(TargetComparator.ASSIGNED);
        assertThat(prose("到2025年，单位GDP能耗、单位GDP碳排放均完成市下达目标。"))
                .extracting(ParsedTarget::indicator).containsExactly("单位GDP能耗", "单位GDP碳排放");
        assertThat(prose("到2025年，实现历史遗留问题动态清零，案件零增长，数量实现翻番，实现村级全覆盖。"))
                .extracting(ParsedTarget::comparator).containsOnly(TargetComparator.QUALITATIVE).hasSize(4);
    }

    @Test
    void unitsAsWritten() {
        assertThat(prose("到2025年，总产值达500亿元以上。").get(0)).satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("500");
            assertThat(t.unit()).isEqualTo("亿元");
        });
        assertThat(prose("到2025年，低保标准提升到14000元/年以上。").get(0).unit()).isEqualTo("元/年");
        assertThat(prose("到2025年，死亡率低于0.006人/亿元。").get(0).unit()).isEqualTo("人/亿元");
        assertThat(prose("到2025年，建成面积80万平方米。").get(0).unit()).isEqualTo("万平方米");
        assertThat(prose("到2025年，交易额达到2万亿元。").get(0).unit()).isEqualTo("万亿元");
        assertThat(prose("到2025年，发生率控制在1‰以内。").get(0).unit()).isEqualTo("‰");
    }

    @Test
    void severalValuesInOneClause() {
        assertThat(prose("到2025年，执业医师数和注册护士数分别达4.4人、5.1人。"))
                .extracting(ParsedTarget::indicator).containsExactly("执业医师数", "注册护士数");
        assertThat(prose("到2025年，合格率保持在98.5%以上和100%。"))
                .extracting(t -> t.value().toPlainString()).containsExactly("98.5", "100");
        assertThat(prose("到2025年，获评中国好人3名、浙江好人8名。")).extracting(ParsedTarget::indicator)
                .containsExactly("获评中国好人", "浙江好人");
    }

    @Test
    void numbersThatAreNotTargets() {
        assertThat(prose("打造城区“10分钟健身圈”，布局P2实验室和5G基站，完成“污水零直排区”2.0版建设。")).isEmpty();
        assertThat(prose("推动认定标准放宽至低保标准的2倍。")).isEmpty();
        assertThat(prose("到2025年，PM2.5年均浓度实现双达标。")).allSatisfy(t -> assertThat(t.value()).isNull());
        assertThat(prose("到2025年，65岁以上老年人参检率达61%以上。")).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualByComparingTo("61"));
        assertThat(prose("实施2021—2025年行动计划，2022年底前完成。")).isEmpty();
        assertThat(prose("力争新增2家以上三级甲等医院。")).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("新增三级甲等医院");
            assertThat(t.comparator()).isEqualTo(TargetComparator.GE);
        });
    }

    @Test
    void indicatorItems() {
        List<ParsedTarget> t = TargetExtractor.extract("城乡居民收入倍差1.67", 2022, TargetExtractor.Mode.INDICATOR_ITEM);
        assertThat(t).singleElement().satisfies(x -> {
            assertThat(x.comparator()).isEqualTo(TargetComparator.EQ);
            assertThat(x.unit()).isEmpty();
            assertThat(x.year()).isEqualTo(2022);
        });
    }

    @Test
    void yearComesFromTheSentence() {
        assertThat(prose("2023年起，随迁子女比例达到100%。").get(0).year()).isEqualTo(2023);
        assertThat(TargetExtractor.extract("床位数达到6张。", null, TargetExtractor.Mode.TARGET_TEXT).get(0).year()).isNull();
    }

    @Test
    void chineseNumeralsOnlyWhereTheyCount() {
        assertThat(prose("到2025年，新建两所九年一贯制学校。")).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("2");
            assertThat(t.unit()).isEqualTo("所");
        });
        assertThat(prose("到2025年，城镇化率提高三个百分点。")).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("城镇化率提高");
            assertThat(t.value()).isEqualByComparingTo("3");
            assertThat(t.unit()).isEqualTo("个百分点");
        });
        assertThat(prose("到2025年，创建三星级旅游饭店，建成一批示范村，重点帮扶三类人群，实施“十四五”规划。")).isEmpty();
        assertThat(prose("到2025年，建成大陆引水三期，培育铁人三项赛事。")).isEmpty();
    }

    @Test
    void approximateAverageGrowthAndFiveYearPlanEnd() {
        assertThat(prose("到2025年，地区生产总值年均增长7%左右。")).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("地区生产总值年均增长");
            assertThat(t.comparator()).isEqualTo(TargetComparator.EQ);
            assertThat(t.approximate()).isTrue();
        });
        assertThat(TargetExtractor.extract("十四五期末，森林覆盖率稳定在70%以上。", 2027, TargetExtractor.Mode.PROSE))
                .singleElement().satisfies(t -> assertThat(t.year()).isEqualTo(2025));
        assertThat(prose("每年新增城镇就业3000人。")).singleElement().satisfies(t -> assertThat(t.value()).isEqualByComparingTo("3000"));
    }

    @Test
    void countsListedAfterOneVerbAndChangesAgainstABaselineYear() {
        assertThat(prose("建成未来社区20个、未来乡村30个。")).extracting(ParsedTarget::indicator)
                .containsExactly("建成未来社区", "建成未来乡村");
        assertThat(prose("到2025年，全县常住人口城镇化率达到65%，较2020年提高5个百分点。")).satisfies(list -> {
            assertThat(list).extracting(ParsedTarget::indicator).containsExactly("全县常住人口城镇化率", "全县常住人口城镇化率提高");
            assertThat(list).extracting(ParsedTarget::year).containsOnly(2025);
        });
        assertThat(prose("三年累计新增就业4.5万人。")).singleElement().satisfies(t -> assertThat(t.unit()).isEqualTo("万人"));
    }

    @Test
    void aValueMeasuredPerPersonAndMonth() {
        // The base (每人每月, 每户每年) stands between the comparator and the number; 月 and 季度 are denominators.
        assertThat(prose("残疾儿童康复补助标准不低于每人每月800元/月。")).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("残疾儿童康复补助标准");
            assertThat(t.comparator()).isEqualTo(TargetComparator.GE);
            assertThat(t.value()).isEqualByComparingTo("800");
            assertThat(t.unit()).isEqualTo("元/月");
        });
        assertThat(prose("到2025年，高龄津贴提高到每人每年1200元。")).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("1200");
            assertThat(t.unit()).isEqualTo("元");
        });
        assertThat(prose("到2025年，特困人员供养标准不低于650元/月。")).singleElement()
                .satisfies(t -> assertThat(t.unit()).isEqualTo("元/月"));
        // 每 without a comparator before it stays no target; a month after a number is still a date.
        assertThat(prose("每人每月发放一次慰问品，5月完成。")).isEmpty();
    }

    @Test
    void timeLimitsInDaysAndHoursAreUpperBounds() {
        assertThat(prose("群众来电24小时内响应，一般诉求3日内反馈，复杂事项15天内办结。"))
                .extracting(ParsedTarget::indicator, ParsedTarget::comparator, t -> t.value().intValue(), ParsedTarget::unit)
                .containsExactly(tuple("群众来电响应时限", TargetComparator.LE, 24, "小时"),
                        tuple("一般诉求反馈时限", TargetComparator.LE, 3, "日"),
                        tuple("复杂事项办结时限", TargetComparator.LE, 15, "天"));
        assertThat(prose("企业投资项目备案在2个工作日内办结。")).extracting(ParsedTarget::indicator, ParsedTarget::unit)
                .containsExactly(tuple("企业投资项目备案办结时限", "个工作日"));
        assertThat(prose("接到报警后30分钟内到场，48个小时以内完成核查。")).extracting(ParsedTarget::indicator, t -> t.value().intValue(), ParsedTarget::unit)
                .containsExactly(tuple("核查时限", 48, "小时"));
        // One target where a comparator already reads the number ("控制在3天以内"), not two.
        assertThat(prose("审批时间控制在3天以内。")).singleElement().satisfies(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.LE);
            assertThat(t.unit()).isEqualTo("天");
        });
    }

    @Test
    void datesAndDurationsWithoutAnActionAreNoTimeLimits() {
        assertThat(prose("5月20日前完成摸底，每月10日内上报进度。")).isEmpty();
        assertThat(prose("2023年3月15日内完成交接。")).isEmpty();
        assertThat(prose("24小时内降雨量超过警戒值时启动预案。")).isEmpty();
        assertThat(prose("近3日内新增病例，第2天内容另行通知。")).isEmpty();
        assertThat(prose("全年内开展宣传活动。")).isEmpty();
    }
}
