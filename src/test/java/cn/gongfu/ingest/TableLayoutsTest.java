package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;


import cn.gongfu.vocabulary.TargetComparator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The table reader on every text layout a table comes in: the project's own samples (fictional 青溪区, under
 * src/test/resources/ingest/tables) and the real excerpts in ../shared/samples (skipped when absent). Every expectation
 * was checked by hand against the sample's text.
 */
class TableLayoutsTest {

    private final DocumentParser parser = new DocumentParser();

    private ParsedDocument own(String name) {
        return parser.parse(name, SampleDocumentsTest.resource("tables/" + name));
    }

    private static ParsedTask task(ParsedDocument doc, String code) {
        return doc.tasks().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no task " + code));
    }

    private static List<String> milestoneTexts(ParsedTask t) {
        return t.milestones().stream().map(ParsedMilestone::text).toList();
    }

    @Test
    void oneCellPerLineWithGroupsPeopleRepeatedHeaderAndTwoItemsUnderOneSerial() {
        ParsedDocument doc = own("cell_lines.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2", "5", "6");
        ParsedTask t1 = task(doc, "1");
        assertThat(t1.title()).isEqualTo("新建青溪区实验小学1所，新增学位1200个。");
        assertThat(t1.group()).isEqualTo("一、教育卫生");
        assertThat(t1.leadUnits()).containsExactly("区教育局");
        assertThat(t1.coUnits()).containsExactly("区发改局", "区资规分局");
        assertThat(t1.leadOfficials()).containsExactly("王强");
        assertThat(t1.milestones()).extracting(ParsedMilestone::to).containsExactly(YearMonth.of(2024, 9));
        assertThat(t1.targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                .containsExactly(tuple(new BigDecimal("1"), "所"), tuple(new BigDecimal("1200"), "个"));
        ParsedTask t2 = task(doc, "2");
        assertThat(t2.leadUnits()).containsExactly("区卫健局");
        assertThat(t2.coUnits()).containsExactly("各街道办事处");
        assertThat(t2.leadOfficials()).containsExactly("李明华");
        // Serial 5 holds two items, each with its own deadline; the people column is no unit.
        ParsedTask t5 = task(doc, "5");
        assertThat(t5.group()).isEqualTo("二、城乡建设");
        assertThat(t5.title()).isEqualTo("新建口袋公园3个。建成城市绿道12公里。");
        assertThat(t5.leadUnits()).containsExactly("区住建局");
        assertThat(t5.coUnits()).isEmpty();
        assertThat(t5.leadOfficials()).containsExactly("赵敏");
        assertThat(milestoneTexts(t5)).containsExactly("6月底前开工", "10月底前");
        assertThat(t5.targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                .containsExactly(tuple(new BigDecimal("3"), "个"), tuple(new BigDecimal("12"), "公里"));
        // After the header repeated by a page break, the rows go on.
        ParsedTask t6 = task(doc, "6");
        assertThat(t6.leadUnits()).containsExactly("区住建局");
        assertThat(t6.coUnits()).containsExactly("区财政局", "各街道办事处");
        assertThat(t6.columns()).doesNotContainKey("序号");
        assertThat(doc.findings()).extracting(Finding::kind).contains("numbering-gap");
    }

    @Test
    void oneCellPerLineIndicatorTableWithTheDomainBeforeTheSerial() {
        ParsedDocument doc = own("cell_lines_indicators.txt");
        assertThat(doc.indicators()).extracting(ParsedIndicator::code, ParsedIndicator::domain, ParsedIndicator::name, ParsedIndicator::unit)
                .containsExactly(tuple("1", "幼有善育", "每千人口拥有3岁以下婴幼儿托位数(个)", "个"),
                        tuple("2", "幼有善育", "普惠托位占比(%)", "%"),
                        tuple("3", "学有优教", "学前教育毛入园率(%)", "%"),
                        tuple("4", "学有优教", "义务教育学校标准化达标率(%)", "%"));
        assertThat(doc.indicators()).extracting(i -> i.values().stream().map(ParsedIndicatorValue::raw).toList())
                .containsExactly(List.of("3.6", "4.5", "5"), List.of("70", "80", "≥85"), List.of("96.5", "98", ">98.5"),
                        List.of("90", "95", "100"));
        assertThat(doc.indicators()).extracting(i -> i.baseline().year()).containsOnly(2023);
        assertThat(doc.indicators().get(2).targetValues()).extracting(ParsedIndicatorValue::comparator, ParsedIndicatorValue::value)
                .containsExactly(tuple(TargetComparator.EQ, new BigDecimal("98")), tuple(TargetComparator.GT, new BigDecimal("98.5")));
    }

    @Test
    void aBareNumberAfterTheTitleIsTheRowsValueNotTheNextSerial() {
        ParsedDocument doc = parser.parseText("values.txt", String.join("\n\n", "青溪区2024年为民办实事项目",
                "序号", "项目名称", "目标任务", "责任单位",
                "1", "新建社区食堂", "2", "区民政局",
                "2", "改造老旧小区", "1200户", "区住建局"));
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "新建社区食堂", List.of("区民政局")), tuple("2", "改造老旧小区", List.of("区住建局")));
        assertThat(task(doc, "1").columns()).containsEntry("目标任务", "2");
        assertThat(task(doc, "1").targets()).extracting(ParsedTarget::indicator, ParsedTarget::value)
                .containsExactly(tuple("新建社区食堂", new BigDecimal("2")));
    }

    @Test
    void pipeTerminatedCellsStartingMidTableWithPaddedNames() {
        ParsedDocument doc = own("pipe_cells.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("45", "46");
        ParsedTask t45 = task(doc, "45");
        assertThat(t45.title()).isEqualTo("推进青溪科创走廊建设,新引进研发机构3家以上。");
        assertThat(t45.leadOfficials()).containsExactly("陈刚");
        assertThat(t45.leadUnits()).containsExactly("区科技局");
        assertThat(t45.coUnits()).containsExactly("区发改局", "区资规分局");
        assertThat(t45.targets()).extracting(ParsedTarget::comparator, ParsedTarget::value, ParsedTarget::unit)
                .containsExactly(tuple(TargetComparator.GE, new BigDecimal("3"), "家"));
        ParsedTask t46 = task(doc, "46");
        assertThat(t46.leadOfficials()).containsExactly("陈刚", "孙丽");
        assertThat(t46.leadUnits()).containsExactly("区政务服务中心");
        assertThat(t46.coUnits()).containsExactly("区各有关单位");
        assertThat(t46.targets()).extracting(ParsedTarget::value, ParsedTarget::unit).containsExactly(tuple(new BigDecimal("95"), "%"));
    }

    @Test
    void pipeRowsIndicatorTableWithMergedDomainBaselineNotesAndValueShapes() {
        ParsedDocument doc = own("pipe_rows.txt");
        assertThat(doc.period()).isEqualTo(new Period(2023, 2027));
        assertThat(doc.indicators()).extracting(ParsedIndicator::code, ParsedIndicator::domain, ParsedIndicator::name, ParsedIndicator::unit)
                .containsExactly(tuple("1", "幼有善育", "每千人口拥有3岁以下婴幼儿托位数", "个"),
                        tuple("2", "幼有善育", "普惠托位占比", "%"),
                        tuple("3", "学有优教", "义务教育学校标准化达标率", "%"),
                        tuple("4", "学有优教", "高中阶段教育毛入学率", "%"),
                        tuple("5", "病有良医", "人均预期寿命", "岁"),
                        tuple("6", "病有良医", "每千人口执业(助理)医师数", "人"));
        ParsedIndicator i2 = doc.indicators().get(1);
        assertThat(i2.values()).extracting(ParsedIndicatorValue::year, ParsedIndicatorValue::raw)
                .containsExactly(tuple(2022, "70"), tuple(2025, "85"), tuple(2027, "≥90"));
        // The 2022 column is where the plan starts from: a baseline, and no target.
        assertThat(i2.baseline().year()).isEqualTo(2022);
        assertThat(i2.baseline().value()).isEqualByComparingTo("70");
        assertThat(i2.targetValues()).extracting(ParsedIndicatorValue::year).containsExactly(2025, 2027);
        ParsedIndicator i4 = doc.indicators().get(3);
        assertThat(i4.baseline().year()).isEqualTo(2021);
        assertThat(i4.baseline().value()).isEqualByComparingTo("78.2");
        assertThat(i4.baseline().note()).isEqualTo("2021年");
        assertThat(i4.values()).extracting(ParsedIndicatorValue::raw, ParsedIndicatorValue::comparator)
                .containsExactly(tuple("78.2(2021年)", TargetComparator.EQ), tuple(">95", TargetComparator.GT),
                        tuple("全覆盖", TargetComparator.QUALITATIVE));
        ParsedIndicator i5 = doc.indicators().get(4);
        assertThat(i5.values().get(2).raw()).isEqualTo("持续改善");
        assertThat(i5.values().get(2).comparator()).isEqualTo(TargetComparator.QUALITATIVE);
        ParsedIndicator i6 = doc.indicators().get(5);
        assertThat(i6.values()).extracting(ParsedIndicatorValue::comparator, ParsedIndicatorValue::value, ParsedIndicatorValue::note)
                .containsExactly(tuple(TargetComparator.EQ, new BigDecimal("3.5"), "某市"),
                        tuple(TargetComparator.GE, new BigDecimal("3.8"), null),
                        tuple(TargetComparator.GT, new BigDecimal("5.55"), null));
        assertThat(doc.indicators().get(2).values().get(2).value()).isEqualByComparingTo("100");
        // The task table under it: bars without a trailing bar; 责任单位 beside 牵头单位 co-operates.
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::leadUnits, ParsedTask::coUnits)
                .containsExactly(tuple("1", List.of("区卫健局"), List.of("区教育局", "各镇(街道)")),
                        tuple("2", List.of("区教育局"), List.of("区发改局")));
        assertThat(task(doc, "1").milestones()).extracting(ParsedMilestone::to).containsExactly(YearMonth.of(2027, 12));
    }

    @Test
    void spaceSeparatedProgressTableSkipsEmptyCellsAndTakesNoTargetsFromProgress() {
        ParsedDocument doc = own("space_rows.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "新增城镇就业", List.of("区人社局")), tuple("2", "改造农村公路", List.of("区交通局")),
                        tuple("3", "新建社区食堂", List.of("区民政局")), tuple("4", "开展免费体检", List.of("区卫健局")));
        ParsedTask t1 = task(doc, "1");
        assertThat(t1.columns()).containsEntry("目标任务", "3000人").containsEntry("1-9月完成情况", "2456人").containsEntry("完成率", "82%");
        assertThat(t1.targets()).extracting(ParsedTarget::indicator, ParsedTarget::value, ParsedTarget::unit)
                .containsExactly(tuple("新增城镇就业", new BigDecimal("3000"), "人"));
        assertThat(task(doc, "2").columns()).containsEntry("备注", "已完成。");
        // Row 3 has no progress cell: the rate is still the rate.
        assertThat(task(doc, "3").columns()).containsEntry("完成率", "63%").doesNotContainKey("1-9月完成情况");
        assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).extracting(ParsedTarget::value)
                .containsExactly(new BigDecimal("3000"), new BigDecimal("25"), new BigDecimal("8"), new BigDecimal("12000"));
        assertThat(doc.findings()).extracting(Finding::kind).contains("progress-table");
    }

    @Test
    void aProgressTableGivesEachTaskItsProgressTextRateAndNothingAsTargetsOfProgress() {
        ParsedDocument doc = own("progress_of_plan.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "新建社区养老服务中心3个", List.of("区民政局")),
                        tuple("2", "改造老旧小区1200户", List.of("区住建局")),
                        tuple("3", "新增公办幼儿园学位600个", List.of("区教育局")),
                        tuple("4", "开展65岁以上老年人免费体检", List.of("区卫健局")));
        assertThat(doc.tasks()).extracting(t -> t.progress().text(), t -> t.progress().rate(), t -> t.progress().ratePercent())
                .containsExactly(tuple("已完成2个中心主体施工，第3个正在选址。", "67%", new BigDecimal("67")),
                        tuple("已完工860户，其余正在施工。", "72%", new BigDecimal("72")),
                        tuple("3所幼儿园已于9月开园，新增学位630个。", "105%", new BigDecimal("105")),
                        tuple(null, null, null));
        assertThat(task(doc, "4").progress().isEmpty()).as("a progress row with nothing to report").isTrue();
        // "新增学位630个" is an achievement: the only targets are those the task titles state
        assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).extracting(ParsedTarget::value)
                .doesNotContain(new BigDecimal("630"), new BigDecimal("860"), new BigDecimal("67"));
        assertThat(doc.findings()).extracting(Finding::kind).contains("progress-table");
        // the JSON carries it as an extra field of the task; a task of an ordinary table has none
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> tasks = (List<java.util.Map<String, Object>>) ExtractionJson.toMap(doc).get("tasks");
        assertThat(tasks.get(0).get("progress")).isEqualTo(java.util.Map.of("text", "已完成2个中心主体施工，第3个正在选址。",
                "rate", "67%", "ratePercent", 67L));
        assertThat(tasks.get(3).get("progress")).isEqualTo(java.util.Map.of());
        assertThat(own("pipe_rows.txt").tasks()).extracting(ParsedTask::progress).containsOnlyNulls();
    }

    @Test
    void rowsWithRunsOfSpacesKeepSingleSpacesInsideTheirCells() {
        ParsedDocument doc = own("wide_space_rows.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits, ParsedTask::coUnits)
                .containsExactly(tuple("1", "新建社区食堂5个", List.of("区民政局"), List.of("各街道办事处")),
                        tuple("2", "改造老旧小区1200户", List.of("区住建局"), List.of()),
                        tuple("3", "新增Wi-Fi公共热点80个", List.of("区数据局"), List.of("区通信发展办")));
        assertThat(doc.tasks()).extracting(t -> t.milestones().get(0).to())
                .containsExactly(YearMonth.of(2024, 6), YearMonth.of(2024, 12), YearMonth.of(2024, 9));
        assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).extracting(ParsedTarget::value, ParsedTarget::unit)
                .containsExactly(tuple(new BigDecimal("5"), "个"), tuple(new BigDecimal("1200"), "户"), tuple(new BigDecimal("80"), "个"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesPeopleBaselinesNotesAndActuals() {
        java.util.Map<String, Object> cells = ExtractionJson.toMap(own("pipe_cells.txt"));
        assertThat((List<java.util.Map<String, Object>>) cells.get("tasks")).extracting(t -> t.get("leadOfficials"))
                .containsExactly(List.of("陈刚"), List.of("陈刚", "孙丽"));
        java.util.Map<String, Object> rows = ExtractionJson.toMap(own("pipe_rows.txt"));
        java.util.Map<String, Object> i4 = ((List<java.util.Map<String, Object>>) rows.get("indicators")).get(3);
        assertThat((java.util.Map<String, Object>) i4.get("baseline")).containsEntry("year", 2021).containsEntry("note", "2021年");
        assertThat((List<java.util.Map<String, Object>>) i4.get("values")).hasSize(3);
        java.util.Map<String, Object> book = ExtractionJson.toMap(own("yearbook.txt"));
        assertThat((List<java.util.Map<String, Object>>) book.get("indicators")).allSatisfy(i -> assertThat(i).containsEntry("actual", true));
    }

    @Test
    void yearbookTableHoldsActualsWithUnitsFromNamesAndGroups() {
        ParsedDocument doc = own("yearbook.txt");
        assertThat(doc.indicators()).extracting(ParsedIndicator::domain, ParsedIndicator::name, ParsedIndicator::unit, ParsedIndicator::actual)
                .containsExactly(tuple("收入", "城镇居民人均可支配收入", "元", true),
                        tuple("收入", "农村居民人均可支配收入", "元", true),
                        tuple("就业", "城镇登记失业率(%)", "%", true));
        ParsedIndicator urban = doc.indicators().get(0);
        assertThat(urban.values()).extracting(ParsedIndicatorValue::year, ParsedIndicatorValue::raw)
                .containsExactly(tuple(2019, "41200"), tuple(2020, "43050"), tuple(2021, "46100"), tuple(2022, "48020"));
        assertThat(urban.baseline()).isNull();
        assertThat(urban.targetValues()).isEmpty();
        // Actuals may fall: the unemployment rate going up is no worsening target.
        assertThat(doc.findings()).extracting(Finding::kind).doesNotContain("worsening-target");
    }

    @Test
    void gridOfCellsIsReadLikeAnyTable() {
        Table table = TableReader.readGrid(List.of(
                List.of("青溪区2024年重点工作", "", "", ""),
                List.of("序号", "工作任务", "牵头单位", "完成时限"),
                List.of("1", "新建社区食堂5个", "区民政局", "6月底前"),
                List.of("", "二、生态环境", "", ""),
                List.of("2", "完成河道整治8公里", "区水利局", "10月底前")), 1, ColumnRoles.NONE);
        assertThat(table).isNotNull();
        assertThat(table.columns()).extracting(TableColumn::role).containsExactly(TableColumn.Role.SERIAL, TableColumn.Role.TITLE,
                TableColumn.Role.LEAD_UNITS, TableColumn.Role.DEADLINE);
        assertThat(table.line()).isEqualTo(2);
        assertThat(table.rows()).extracting(TableRow::group).containsExactly(false, true, false);
        assertThat(table.rows().get(2).cells()).containsExactly("2", "完成河道整治8公里", "区水利局", "10月底前");
        TaskTableInterpreter.Result r = TaskTableInterpreter.interpret(table, "main", null, "x.", 2024, 2024, "item");
        assertThat(r.tasks()).extracting(t -> t.code, t -> t.group).containsExactly(tuple("1", null), tuple("2", "二、生态环境"));
        assertThat(r.tasks().get(1).leadUnits).containsExactly("区水利局");
        assertThat(TableReader.readGrid(List.of(List.of("说明", "内容"), List.of("一", "二")), 1, ColumnRoles.NONE)).isNull();
    }

    @Test
    void headerWordsGiveColumnMeanings() {
        assertThat(Stream.of("序号", "领域", "指  标", "2022年", "2027年目标值", "单位", "牵头责任单位", "协同配合单位", "分管县领导",
                        "责任人", "时间节点", "进展情况", "完成比例(%)", "备注", "重点工作(责任单位)", "指标 Item")
                .map(h -> TableColumn.of(h).role()).toList())
                .containsExactly(TableColumn.Role.SERIAL, TableColumn.Role.DOMAIN, TableColumn.Role.INDICATOR, TableColumn.Role.YEAR,
                        TableColumn.Role.YEAR, TableColumn.Role.MEASURE_UNIT, TableColumn.Role.LEAD_UNITS, TableColumn.Role.CO_UNITS,
                        TableColumn.Role.PEOPLE, TableColumn.Role.PEOPLE, TableColumn.Role.DEADLINE, TableColumn.Role.PROGRESS,
                        TableColumn.Role.RATE, TableColumn.Role.NOTE, TableColumn.Role.TITLE, TableColumn.Role.INDICATOR);
        // 目标任务 names the work when no other column does, and is a target beside 项目名称.
        assertThat(TableColumn.resolve(List.of(TableColumn.of("序号"), TableColumn.of("目标任务"), TableColumn.of("牵头单位"))))
                .extracting(TableColumn::role).containsExactly(TableColumn.Role.SERIAL, TableColumn.Role.TITLE, TableColumn.Role.LEAD_UNITS);
        assertThat(TableColumn.resolve(List.of(TableColumn.of("项目名称"), TableColumn.of("目标任务"), TableColumn.of("责任单位"))))
                .extracting(TableColumn::role).containsExactly(TableColumn.Role.TITLE, TableColumn.Role.TARGET, TableColumn.Role.LEAD_UNITS);
    }

    /** The real excerpts of other governments' pages; ../shared/samples is read, never copied. */
    @Nested
    class RealSamples {

        private ParsedDocument sample(String prefix) {
            Path dir = Path.of("..", "shared", "samples");
            Assumptions.assumeTrue(Files.isDirectory(dir), "real samples not found at " + dir.toAbsolutePath() + " — skipping");
            try (Stream<Path> files = Files.list(dir)) {
                Path p = files.filter(f -> f.getFileName().toString().startsWith(prefix + "_")).findFirst().orElse(null);
                Assumptions.assumeTrue(p != null, "sample " + prefix + " not found in " + dir.toAbsolutePath() + " — skipping");
                return parser.parse(p);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void s01_cellPerLineTaskSplitWithSeveralUnitLinesAndDeadlines() {
            ParsedDocument doc = sample("01");
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(task(doc, "1").leadUnits()).containsExactly("县水务局", "县住建局", "县护城河指挥部");
            assertThat(task(doc, "3").leadUnits()).containsExactly("县文体广新局", "县代建中心");
            assertThat(task(doc, "4").leadUnits()).containsExactly("县残联");
            assertThat(task(doc, "6").leadUnits()).containsExactly("县政务服务中心", "县代建中心");
            assertThat(milestoneTexts(task(doc, "2"))).containsExactly("9月投入使用");
            assertThat(task(doc, "2").milestones().get(0).to().getMonthValue()).isEqualTo(9);
            ParsedTask t5 = task(doc, "5");
            assertThat(t5.title()).isEqualTo("开工建设县老年养护楼。开工建设老年大学。");
            assertThat(t5.leadUnits()).containsExactly("县民政局");
            assertThat(milestoneTexts(t5)).containsExactly("5月底前动工", "12月底前");
            assertThat(t5.milestones()).extracting(m -> m.to().getMonthValue()).containsExactly(5, 12);
            assertThat(doc.tasks()).filteredOn(t -> !t.targets().isEmpty()).extracting(ParsedTask::code)
                    .containsExactly("2", "8", "9", "10");
            assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).extracting(ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple(new BigDecimal("2"), "座"), tuple(new BigDecimal("2"), "所"),
                            tuple(new BigDecimal("2836"), "户"), tuple(new BigDecimal("1"), "个"));
            assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.milestones()).isNotEmpty());
        }

        @Test
        void s02_cellPerLineKeyWorkWithSpacedHeaderAndTargetsInTheTask() {
            ParsedDocument doc = sample("02");
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2", "3", "4");
            assertThat(task(doc, "1").leadUnits()).containsExactly("市发展改革委");
            assertThat(task(doc, "1").targets()).extracting(ParsedTarget::comparator, ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple(TargetComparator.GT, new BigDecimal("1"), "万亿元"));
            assertThat(task(doc, "3").targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple(new BigDecimal("1700"), "亿元"), tuple(new BigDecimal("1000"), "亿元"));
            assertThat(task(doc, "4").targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple(new BigDecimal("160"), "亿美元"));
            // The excerpt stops before task 4's unit cell.
            assertThat(task(doc, "4").leadUnits()).isEmpty();
        }

        @Test
        void s03_multiLevelProgressHeaderIsReadByRegionAndIndicator() {
            ParsedDocument doc = sample("03");
            // 地区 keys the rows; each indicator (城镇新增就业(人) …) spans 目标任务 | 进度 | 完成比例(%); 工程, 子项 and the
            // units over several indicators are captions. Rows: 全市, 市本级 (one group), 眉山天府新区 (none), six counties.
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::title)
                    .containsExactly("全市", "市本级", "眉山天府新区", "东坡区", "彭山区", "仁寿县", "洪雅县", "丹棱县", "青神县");
            ParsedTask city = doc.tasksOf("main").get(0);
            assertThat(city.targets()).extracting(ParsedTarget::indicator, ParsedTarget::comparator, ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple("城镇新增就业", TargetComparator.GE, new BigDecimal("27800"), "人"),
                            tuple("城镇失业人员再就业", TargetComparator.GE, new BigDecimal("4400"), "人"),
                            tuple("就业困难人员就业", TargetComparator.GE, new BigDecimal("2000"), "人"),
                            tuple("城镇登记失业率", TargetComparator.LT, new BigDecimal("4.3"), "%"),
                            tuple("下岗失业人员再就业", TargetComparator.GE, new BigDecimal("400"), "人"));
            // progress stays progress; the unemployment rate's group has no 完成比例, so its cells do not shift
            assertThat(city.columns()).containsEntry("城镇新增就业(人)·进度", "52242").containsEntry("城镇新增就业(人)·完成比例(%)", "187.9")
                    .containsEntry("城镇登记失业率低于(%)·进度", "3.57").doesNotContainKey("城镇登记失业率低于(%)·完成比例(%)");
            assertThat(doc.tasksOf("main").get(1).targets()).extracting(ParsedTarget::value).containsExactly(new BigDecimal("60"));
            assertThat(doc.tasksOf("main").get(2).targets()).isEmpty();
            // 下岗失业人员再就业 per county: 80 ⏎160 ⏎200 after 4.3 ⏎3.48 (80 is not 东坡区's rate although 3.48 ÷ 4.3 ≈ 81 %)
            assertThat(doc.tasksOf("main").subList(3, 9)).extracting(t -> t.targets().get(4).value().intValue())
                    .containsExactly(80, 80, 60, 60, 30, 30);
            assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).hasSize(36).extracting(ParsedTarget::value)
                    .doesNotContain(new BigDecimal("52242"), new BigDecimal("5358"), new BigDecimal("1089"), new BigDecimal("22921"));
            // a county's target is no conflict with the city's; the second block is cut after six cells of its first row
            assertThat(doc.findings()).extracting(Finding::kind).contains("progress-table").doesNotContain("conflicting-target");
        }

        @Test
        void s04_spaceRowsProgressTableWithHeaderOverThreeLines() {
            ParsedDocument doc = sample("04");
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::code)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
            ParsedTask t1 = task(doc, "1");
            assertThat(t1.title()).isEqualTo("新增城镇就业");
            assertThat(t1.leadUnits()).containsExactly("区人社局");
            assertThat(t1.columns()).containsEntry("1-7月实际完成情况", "6453人").containsEntry("任务完成率", "72%");
            assertThat(t1.targets()).extracting(ParsedTarget::value, ParsedTarget::unit).containsExactly(tuple(new BigDecimal("8950"), "人"));
            // 5 and 6 measure per month; 6 writes its base between the comparator and the number ("不低于每人每月60元/月").
            assertThat(task(doc, "5").targets()).extracting(ParsedTarget::indicator, ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple("标准", new BigDecimal("3480"), "元/年"), tuple("人均救助水平", new BigDecimal("185"), "元/月"));
            assertThat(task(doc, "6").targets()).singleElement().satisfies(t -> {
                assertThat(t.indicator()).isEqualTo("发放标准");
                assertThat(t.comparator()).isEqualTo(TargetComparator.GE);
                assertThat(t.value()).isEqualByComparingTo("60");
                assertThat(t.unit()).isEqualTo("元/月");
            });
            // every row with a 目标任务 cell has its target: 14 of the 14 rows, 14 being cut before its cells
            assertThat(doc.tasksOf("main")).filteredOn(t -> !t.code().equals("14")).allSatisfy(t -> assertThat(t.targets()).isNotEmpty());
            assertThat(task(doc, "7").leadUnits()).containsExactly("农业农村局");
            assertThat(task(doc, "10").leadUnits()).containsExactly("住房保障中心楼区分中心");
            assertThat(task(doc, "11").targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                    .containsExactly(tuple(new BigDecimal("11.2"), "公里"));
            // 13 has no progress cell: 98% is its rate, the text after it its remark.
            assertThat(task(doc, "13").columns()).containsEntry("目标任务", "2家").containsEntry("任务完成率", "98%")
                    .doesNotContainKey("1-7月实际完成情况");
            assertThat(task(doc, "13").columns().get("备注")).startsWith("已经完成主体工程建设");
            // Achievements never become targets.
            assertThat(doc.tasks()).flatExtracting(ParsedTask::targets).extracting(ParsedTarget::value)
                    .doesNotContain(new BigDecimal("6453"), new BigDecimal("2849"), new BigDecimal("7.7"), new BigDecimal("346"));
            assertThat(doc.findings()).extracting(Finding::kind).contains("progress-table");
            // What each row reports, for importing it as progress: the achieved value, the rate, the note.
            assertThat(t1.progress()).isEqualTo(new ParsedProgress(null, "6453人", "72%", new BigDecimal("72"), null));
            assertThat(task(doc, "3").progress().note()).isEqualTo("已超额完成。");
            assertThat(task(doc, "12").progress().actual()).isNull();
        }

        @Test
        void s07_pipeCellsFromSerial80WithPeopleNotUnits() {
            ParsedDocument doc = sample("07");
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("80", "81");
            ParsedTask t80 = task(doc, "80");
            assertThat(t80.leadOfficials()).containsExactly("俞悦");
            assertThat(t80.leadUnits()).containsExactly("县教育局");
            assertThat(t80.coUnits()).containsExactly("县各有关单位");
            assertThat(t80.targets()).extracting(ParsedTarget::value, ParsedTarget::unit)
                    .contains(tuple(new BigDecimal("400"), "个"), tuple(new BigDecimal("60"), "%"));
            ParsedTask t81 = task(doc, "81");
            assertThat(t81.leadOfficials()).containsExactly("陆明", "俞悦");
            assertThat(t81.title()).startsWith("保障芜职院现代物流智造学院秋季开学");
            assertThat(doc.tasks()).flatExtracting(ParsedTask::leadUnits).doesNotContain("俞悦", "俞 悦", "陆明俞悦");
        }

        @Test
        void s08_nonContiguousSerialsUnderCategoryRows() {
            ParsedDocument doc = sample("08");
            assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("3", "68", "69", "73");
            ParsedTask t3 = task(doc, "3");
            assertThat(t3.group()).isEqualTo("一、2025年经济社会发展的主要预期目标");
            assertThat(t3.leadUnits()).containsExactly("区发改委");
            assertThat(t3.coUnits()).hasSize(11).startsWith("区工信局", "区住建局").endsWith("谯城经开区管委会", "魏武国控集团");
            assertThat(task(doc, "68").group()).isEqualTo("六、全力以赴惠民生、增福祉,加快社会事业发展");
            assertThat(task(doc, "68").coUnits()).containsExactly("区政府有关部门", "各乡镇人民政府", "街道办事处");
            assertThat(task(doc, "69").leadUnits()).containsExactly("区教育局");
            assertThat(task(doc, "69").coUnits()).containsExactly("区投资促进中心");
        }

        @Test
        void s11_categoryRowNamesTheLeadersOfItsRows() {
            ParsedDocument doc = sample("11");
            ParsedTask t1 = task(doc, "1");
            assertThat(t1.title()).isEqualTo("地区生产总值增长15%。");
            assertThat(t1.leadUnits()).containsExactly("区发改局");
            assertThat(t1.leadOfficials()).containsExactly("成坤", "柯相国", "王俊");
            assertThat(t1.group()).startsWith("一、主要经济社会发展指标").doesNotContain("牵头领导");
            assertThat(t1.targets()).extracting(ParsedTarget::value, ParsedTarget::unit).containsExactly(tuple(new BigDecimal("15"), "%"));
        }

        @Test
        void s12_yearbookActualsWithEnglishColumnAndUnitsFromNames() {
            ParsedDocument doc = sample("12");
            assertThat(doc.indicators()).hasSize(12).allSatisfy(i -> {
                assertThat(i.actual()).isTrue();
                assertThat(i.baseline()).isNull();
            });
            ParsedIndicator first = doc.indicators().get(0);
            assertThat(first.name()).isEqualTo("农村平均每户家庭从业人口(人)");
            assertThat(first.unit()).isEqualTo("人");
            assertThat(first.domain()).isEqualTo("就业");
            assertThat(first.values()).extracting(ParsedIndicatorValue::year).containsExactly(2016, 2017, 2018, 2019, 2020, 2021, 2022);
            assertThat(first.values()).extracting(ParsedIndicatorValue::raw).startsWith("1.95").endsWith("1.71");
            ParsedIndicator income = doc.indicators().get(4);
            assertThat(income.name()).isEqualTo("居民人均可支配收入");
            assertThat(income.domain()).isEqualTo("收入与支出");
            assertThat(income.unit()).isEqualTo("元");
            assertThat(income.values().get(6).value()).isEqualByComparingTo("49862");
            ParsedIndicator engel = doc.indicators().get(11);
            assertThat(engel.unit()).isEqualTo("%");
            assertThat(engel.values()).extracting(ParsedIndicatorValue::raw).containsExactly("28.3", "27.8", "26.1");
            assertThat(doc.findings()).extracting(Finding::kind).doesNotContain("worsening-target");
        }
    }
}
