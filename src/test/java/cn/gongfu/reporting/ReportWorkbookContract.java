package cn.gongfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Excel template of a submission, run on each database: download as the unit's reporter, fill with POI,
 * upload; a template with many mistakes is refused whole, naming every cell, and stores nothing.
 */
abstract class ReportWorkbookContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Test
    void theTemplateHasChineseHeadersLockedKeysDropDownsAndWhatIsAlreadyEntered() throws Exception {
        long id = open("2026Q4");
        JsonNode form = json(get("/api/v1/submissions/{id}", id), "reporter");
        JsonNode first = form.get("tasks").get(0);
        json(put("/api/v1/submissions/{id}/tasks/{t}", id, first.get("taskId").asLong()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"progress\":\"in_progress\",\"percentDone\":40,\"narrative\":\"已完成选址\",\"version\":"
                        + first.get("version").asInt() + "}"), "reporter");

        MockHttpServletResponse response = mvc.perform(get("/api/v1/submissions/{id}/workbook", id).with(as("reporter")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String disposition = response.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("填报_区卫生健康局_2026Q4.xlsx");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("任务进展", "指标数据", "进度节点", "说明");
            XSSFSheet tasks = wb.getSheet("任务进展");
            assertThat(texts(tasks.getRow(0))).startsWith("任务编号", "任务名称", "角色", "进展状态", "完成百分比", "工作进展", "存在问题", "下步计划");
            assertThat(texts(wb.getSheet("指标数据").getRow(0))).startsWith("指标", "计量单位", "地区", "期间", "上期值", "本期值", "情况说明");
            assertThat(tasks.getLastRowNum()).isEqualTo(form.get("tasks").size());
            Row row = rowOf(tasks, first.get("taskCode").asText());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(first.get("taskTitle").asText());
            assertThat(row.getCell(2).getStringCellValue()).isIn("牵头", "配合");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("推进中");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(40.0);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("已完成选址");
            // key columns locked under sheet protection, the cells to fill unlocked, version hidden
            assertThat(tasks.getProtect()).isTrue();
            assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
            assertThat(row.getCell(3).getCellStyle().getLocked()).isFalse();
            assertThat(row.getCell(5).getCellStyle().getLocked()).isFalse();
            assertThat(tasks.isColumnHidden(9)).isTrue();
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(first.get("version").asInt() + 1);
            // a drop-down of the four states and a whole number 0–100 for the percent
            Map<Integer, DataValidationConstraint> validations = new HashMap<>();
            for (var v : tasks.getDataValidations()) {
                validations.put(v.getRegions().getCellRangeAddress(0).getFirstColumn(), v.getValidationConstraint());
                assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            }
            assertThat(validations.get(3).getExplicitListValues()).containsExactly("未开始", "推进中", "已完成", "受阻");
            assertThat(Arrays.stream(tasks.getCTWorksheet().getDataValidations().getDataValidationArray())
                    .filter(v -> v.getType().toString().equals("list")).map(v -> v.getShowDropDown()))
                    .containsExactly(false); // in OOXML, showDropDown="false" is what shows the arrow
            assertThat(validations.get(4).getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
            assertThat(validations.get(4).getFormula1()).isEqualTo("0");
            assertThat(validations.get(4).getFormula2()).isEqualTo("100");
            // the values owed, with their period and the previous value where there is one
            Sheet values = wb.getSheet("指标数据");
            assertThat(values.getLastRowNum()).isEqualTo(form.get("indicators").size()).isPositive();
            assertThat(values.getRow(1).getCell(3).getStringCellValue()).isEqualTo("2026");
            assertThat(values.getRow(1).getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(values.getRow(1).getCell(5).getCellStyle().getLocked()).isFalse();
            // the identity the upload checks
            assertThat(cellNextTo(wb.getSheet("说明"), "填报编号")).isEqualTo(String.valueOf(id));
            assertThat(cellNextTo(wb.getSheet("说明"), "填报单位")).isEqualTo("区卫生健康局");
            assertThat(cellNextTo(wb.getSheet("说明"), "填报期间")).isEqualTo("2026Q4");
        }
    }

    @Test
    void aFilledTemplateIsStoredWithNewVersionsAndAuditedAndFormulasStayText() throws Exception {
        long id = open("2026Q4");
        JsonNode before = json(get("/api/v1/submissions/{id}", id), "reporter");
        int auditBefore = json(get("/api/v1/submissions/{id}/history", id), "reporter").size();
        String formula = "=HYPERLINK(\"http://evil.example\",\"点击\")";
        XSSFWorkbook wb = download(id, "reporter");
        Sheet tasks = wb.getSheet("任务进展");
        String[] states = {"推进中", "已完成", "受阻", "未开始"};
        Map<String, String> expectedState = new HashMap<>();
        for (int r = 1; r <= tasks.getLastRowNum(); r++) {
            Row row = tasks.getRow(r);
            String state = states[(r - 1) % states.length];
            row.getCell(3).setCellValue(state);
            row.getCell(4).setCellValue(r * 10 % 101);
            row.getCell(5).setCellValue(r == 1 ? formula : "第" + r + "项进展顺利");
            row.getCell(6).setCellValue(state.equals("受阻") ? "用地指标未落实" : "");
            row.getCell(7).setCellValue("下季度完成验收");
            expectedState.put(row.getCell(0).getStringCellValue(), ReportWorkbook.STATE_LABELS.entrySet().stream()
                    .filter(e -> e.getValue().equals(state)).findFirst().orElseThrow().getKey());
        }
        Sheet values = wb.getSheet("指标数据");
        Map<String, BigDecimal> expectedValue = new HashMap<>();
        for (int r = 1; r <= values.getLastRowNum(); r++) {
            Row row = values.getRow(r);
            // last year's value where there is one, so no rule (jump, range, cumulative) objects
            Cell previous = row.getCell(4);
            BigDecimal value = previous != null && previous.getCellType() == CellType.NUMERIC
                    ? BigDecimal.valueOf(previous.getNumericCellValue()).stripTrailingZeros()
                    : new BigDecimal("5.5").add(BigDecimal.valueOf(r));
            if (r == 1) row.getCell(5).setCellValue(value.toPlainString()); // typed as text: still a number
            else row.getCell(5).setCellValue(value.doubleValue());
            expectedValue.put(row.getCell(0).getStringCellValue(), value);
        }

        JsonNode after = json(upload(id, bytes(wb), "reporter").andExpect(status().isOk()));
        for (JsonNode t : after.get("tasks")) {
            assertThat(t.get("progress").asText()).as(t.get("taskCode").asText()).isEqualTo(expectedState.get(t.get("taskCode").asText()));
            assertThat(t.get("updatedBy").asText()).isEqualTo("reporter");
            JsonNode old = byCode(before.get("tasks"), t.get("taskCode").asText());
            assertThat(t.get("version").asInt()).isEqualTo(old.get("version").asInt() + 1);
        }
        JsonNode firstTask = after.get("tasks").get(0);
        assertThat(firstTask.get("narrative").asText()).isEqualTo(formula);
        assertThat(firstTask.get("percentDone").asInt()).isEqualTo(10);
        for (JsonNode v : after.get("indicators")) {
            assertThat(v.get("value").decimalValue()).as(v.get("name").asText())
                    .isEqualByComparingTo(expectedValue.get(v.get("name").asText()));
            assertThat(v.get("version").asInt()).isZero();
        }
        assertThat(jdbc.sql("select count(*) from observation where submission_id = :s and state = 'draft' and reported_by = 'reporter'")
                .param("s", id).query(Long.class).single()).isEqualTo(expectedValue.size());

        List<JsonNode> events = new ArrayList<>();
        json(get("/api/v1/submissions/{id}/history", id), "reporter").forEach(events::add);
        List<JsonNode> fresh = events.subList(0, events.size() - auditBefore);
        assertThat(fresh).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("reporter"));
        assertThat(fresh.stream().filter(e -> e.get("action").asText().equals("task_report.save"))).hasSize(after.get("tasks").size());
        assertThat(fresh.stream().filter(e -> e.get("action").asText().equals("observation.save"))).hasSize(expectedValue.size());
        assertThat(fresh.stream().filter(e -> e.get("action").asText().equals("submission.workbook"))).singleElement()
                .satisfies(e -> assertThat(e.get("afterValue").asText()).contains(after.get("tasks").size() + " task report"));

        // the formula comes back as text, neutralised, and an unchanged template changes nothing
        XSSFWorkbook again = download(id, "reporter");
        Cell narrative = rowOf(again.getSheet("任务进展"), firstTask.get("taskCode").asText()).getCell(5);
        assertThat(narrative.getCellType()).isEqualTo(CellType.STRING);
        assertThat(narrative.getStringCellValue()).isEqualTo("'" + formula);
        JsonNode unchanged = json(upload(id, bytes(again), "reporter").andExpect(status().isOk()));
        assertThat(unchanged.get("tasks").get(0).get("narrative").asText()).isEqualTo(formula);
        assertThat(unchanged.get("tasks").get(0).get("version").asInt()).isEqualTo(firstTask.get("version").asInt());
    }

    @Test
    void aTemplateWithManyMistakesIsRefusedWholeNamingEveryCellAndStoresNothing() throws Exception {
        long id = open("2026Q4");
        long beds = jdbc.sql("select id from indicator where name = '每千常住人口床位数' and region_code = '330299'").query(Long.class).single();
        // the bed count is cumulative for this test, with last year's value 6.0
        jdbc.sql("update indicator set cumulative = true where id = :i").param("i", beds).update();
        jdbc.sql("delete from observation where indicator_id = :i and period = '2025'").param("i", beds).update();
        jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2025', 6.0, 'approved')")
                .param("i", beds).update();
        try {
            JsonNode before = json(get("/api/v1/submissions/{id}", id), "reporter");
            int auditBefore = json(get("/api/v1/submissions/{id}/history", id), "reporter").size();
            long valuesBefore = jdbc.sql("select count(*) from observation where submission_id = :s").param("s", id).query(Long.class).single();
            XSSFWorkbook wb = download(id, "reporter");
            Sheet tasks = wb.getSheet("任务进展");
            tasks.getRow(1).getCell(3).setCellValue("进行中");               // not a state of the list
            tasks.getRow(2).getCell(4).setCellValue(120);                    // percent out of range
            tasks.getRow(3).getCell(3).setCellValue("已完成");               // a good change, not stored either
            tasks.getRow(3).getCell(4).setCellValue(100);
            Row unknown = tasks.createRow(tasks.getLastRowNum() + 1);
            unknown.createCell(0).setCellValue("999");                       // no such task
            unknown.createCell(3).setCellValue("推进中");
            int unknownRow = unknown.getRowNum() + 1;
            Sheet values = wb.getSheet("指标数据");
            Row bedRow = rowOf(values, "每千常住人口床位数");
            bedRow.getCell(5).setCellValue(5.5);                              // a cumulative value falling
            Row lifeRow = rowOf(values, "人均预期寿命");
            lifeRow.getCell(5).setCellValue("八十二");                        // text in a number cell
            wb.getSheet("说明").getRow(3).getCell(1).setCellValue("999999");  // another submission

            JsonNode problem = json(upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent()));
            Map<String, String> errors = new HashMap<>();
            problem.get("errors").forEach(e -> errors.put(e.get("location").asText(), e.get("message").asText()));
            assertThat(errors).containsOnlyKeys(
                    "工作表 任务进展，第2行，进展状态列",
                    "工作表 任务进展，第3行，完成百分比列",
                    "工作表 任务进展，第" + unknownRow + "行，任务编号列",
                    "工作表 指标数据，第" + (bedRow.getRowNum() + 1) + "行，本期值列",
                    "工作表 指标数据，第" + (lifeRow.getRowNum() + 1) + "行，本期值列",
                    "工作表 说明，第4行，填报编号列");
            assertThat(errors.get("工作表 任务进展，第2行，进展状态列")).contains("进行中", "未开始、推进中、已完成、受阻");
            // each cell's place also comes apart, for the form's list: sheet, row as Excel numbers it, cell, column
            JsonNode state = problem.get("errors").valueStream().filter(e -> e.get("location").asText().equals("工作表 任务进展，第2行，进展状态列"))
                    .findFirst().orElseThrow();
            assertThat(List.of(state.get("sheet").asText(), state.get("row").asText(), state.get("cell").asText(), state.get("field").asText()))
                    .containsExactly("任务进展", "2", "D2", "进展状态");
            assertThat(errors.get("工作表 任务进展，第3行，完成百分比列")).contains("0到100", "120");
            assertThat(errors.get("工作表 任务进展，第" + unknownRow + "行，任务编号列")).contains("999");
            assertThat(errors.get("工作表 指标数据，第" + (bedRow.getRowNum() + 1) + "行，本期值列")).contains("累计指标不能下降", "6", "5.5");
            assertThat(errors.get("工作表 指标数据，第" + (lifeRow.getRowNum() + 1) + "行，本期值列")).contains("八十二", "不是数字");
            assertThat(errors.get("工作表 说明，第4行，填报编号列")).contains("999999", String.valueOf(id));

            JsonNode after = json(get("/api/v1/submissions/{id}", id), "reporter");
            assertThat(after.get("tasks")).isEqualTo(before.get("tasks"));
            assertThat(after.get("indicators")).isEqualTo(before.get("indicators"));
            assertThat(jdbc.sql("select count(*) from observation where submission_id = :s").param("s", id).query(Long.class).single())
                    .isEqualTo(valuesBefore);
            assertThat(json(get("/api/v1/submissions/{id}/history", id), "reporter").size()).isEqualTo(auditBefore);

            // a jump beyond 50% needs 情况说明; with it the value is accepted
            XSSFWorkbook jump = download(id, "reporter");
            Row jumpRow = rowOf(jump.getSheet("指标数据"), "每千常住人口床位数");
            jumpRow.getCell(5).setCellValue(9.5);
            JsonNode refused = json(upload(id, bytes(jump), "reporter").andExpect(status().isUnprocessableContent()));
            assertThat(refused.get("errors")).singleElement().satisfies(e -> {
                assertThat(e.get("location").asText()).isEqualTo("工作表 指标数据，第" + (jumpRow.getRowNum() + 1) + "行，情况说明列");
                assertThat(e.get("message").asText()).contains("超过 50%");
            });
            jumpRow.getCell(6).setCellValue("新院区启用");
            JsonNode stored = json(upload(id, bytes(jump), "reporter").andExpect(status().isOk()));
            assertThat(byName(stored.get("indicators"), "每千常住人口床位数").get("value").decimalValue()).isEqualByComparingTo("9.5");
            assertThat(byName(stored.get("indicators"), "每千常住人口床位数").get("explanation").asText()).isEqualTo("新院区启用");
        } finally {
            jdbc.sql("delete from observation where indicator_id = :i and period in ('2025', '2026')").param("i", beds).update();
            jdbc.sql("update indicator set cumulative = false where id = :i").param("i", beds).update();
        }
    }

    /**
     * A number in the template is bounded before anything computes with it (issue 10, High 1): a text cell 1e3000000,
     * 19+ digits, more than 6 decimals, NaN and Infinity each come back as a short error on that cell, and nothing is
     * stored; 50.5 for the whole percent likewise. The timeout turns the old stall into a failure instead of a hang.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeLongAndInexactNumbersAreCellErrorsAndStoreNothing() throws Exception {
        long id = open("2026Q4");
        List<Object> bad = List.of("1e3000000", "-1e3000000", "1e-3000000", "12345678901234567890", "1.1234567", "NaN",
                "Infinity", 1e300, 0.1234567);
        for (Object value : bad) {
            JsonNode before = json(get("/api/v1/submissions/{id}", id), "reporter");
            XSSFWorkbook wb = download(id, "reporter");
            Row row = rowOf(wb.getSheet("指标数据"), "每千人口拥有3岁以下婴幼儿托位数");
            if (value instanceof Double d) row.getCell(5).setCellValue(d);
            else row.getCell(5).setCellValue((String) value);
            row.getCell(6).setCellValue("核实");
            MockHttpServletResponse response = upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse();
            assertThat(response.getContentAsByteArray().length).as(value.toString()).isLessThan(1024);
            JsonNode problem = json(response);
            assertThat(problem.get("errors")).as(value.toString()).singleElement().satisfies(e -> {
                assertThat(e.get("location").asText()).isEqualTo("工作表 指标数据，第" + (row.getRowNum() + 1) + "行，本期值列");
                assertThat(e.get("message").asText()).containsAnyOf("小数点前最多 18 位", "最多 6 位小数", "不是数字");
            });
            assertThat(json(get("/api/v1/submissions/{id}", id), "reporter").get("indicators")).as(value.toString())
                    .isEqualTo(before.get("indicators"));
        }
        JsonNode before = json(get("/api/v1/submissions/{id}", id), "reporter");
        XSSFWorkbook wb = download(id, "reporter");
        wb.getSheet("任务进展").getRow(1).getCell(4).setCellValue(50.5);
        JsonNode problem = json(upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent()));
        assertThat(problem.get("errors")).singleElement()
                .satisfies(e -> assertThat(e.get("location").asText()).isEqualTo("工作表 任务进展，第2行，完成百分比列"));
        assertThat(json(get("/api/v1/submissions/{id}", id), "reporter").get("tasks")).isEqualTo(before.get("tasks"));
    }

    @Test
    void aRowChangedBySomeoneElseSinceTheDownloadIsAConflictNamingThem() throws Exception {
        long id = open("2026Q3");
        XSSFWorkbook wb = download(id, "reporter");
        JsonNode form = json(get("/api/v1/submissions/{id}", id), "head");
        JsonNode first = form.get("tasks").get(0);
        json(put("/api/v1/submissions/{id}/tasks/{t}", id, first.get("taskId").asLong()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"progress\":\"done\",\"percentDone\":100,\"version\":" + first.get("version").asInt() + "}"), "head");

        Sheet tasks = wb.getSheet("任务进展");
        tasks.getRow(1).getCell(3).setCellValue("推进中");
        tasks.getRow(2).getCell(3).setCellValue("推进中");
        JsonNode problem = json(upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent()));
        assertThat(problem.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("location").asText()).isEqualTo("工作表 任务进展，第2行，版本列");
            assertThat(e.get("message").asText()).contains("head", "重新下载");
        });
        JsonNode after = json(get("/api/v1/submissions/{id}", id), "reporter");
        assertThat(after.get("tasks").get(0).get("progress").asText()).isEqualTo("done");
        assertThat(after.get("tasks").get(1)).isEqualTo(form.get("tasks").get(1));
    }

    @Test
    void unreadableForeignOrIncompleteFilesAreRefusedAndOthersMayNotUpload() throws Exception {
        long id = open("2026Q3");
        assertThat(json(upload(id, "任务编号,进展状态\n14,推进中\n".getBytes(StandardCharsets.UTF_8), "reporter")
                .andExpect(status().isBadRequest())).get("detail").asText()).contains("不是Excel");
        assertThat(json(upload(id, zip("word/document.xml", new byte[100]), "reporter")
                .andExpect(status().isBadRequest())).get("detail").asText()).contains("不是Excel");
        assertThat(json(upload(id, zip("xl/workbook.xml", new byte[60 << 20]), "reporter")
                .andExpect(status().isBadRequest())).get("detail").asText()).contains("压缩炸弹");

        XSSFWorkbook wb = download(id, "reporter");
        wb.removeSheetAt(wb.getSheetIndex("指标数据"));
        wb.getSheet("任务进展").getRow(0).getCell(3).setCellValue("状态");
        JsonNode problem = json(upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent()));
        assertThat(problem.get("errors").toString()).contains("缺少工作表“指标数据”", "缺少列 进展状态");

        mvc.perform(multipart("/api/v1/submissions/{id}/workbook", id).file(new MockMultipartFile("file", "x.xlsx",
                ReportWorkbook.CONTENT_TYPE, bytes(download(id, "reporter")))).with(as("leader"))).andExpect(status().isForbidden());
        // reading is for everyone who may see the submission: the region's leader too
        mvc.perform(get("/api/v1/submissions/{id}/workbook", id).with(as("leader"))).andExpect(status().isOk());
    }

    /**
     * The milestones sheet lists every milestone of the reported tasks with its due months and state; a completion day
     * filled in is read back (a date cell or text such as 2025/6/1), a day in the future or not a day is an error on its
     * cell and nothing is stored; accepted, the reported days are what the form shows.
     */
    @Test
    void theMilestonesSheetIsWrittenAndReadBack() throws Exception {
        long id = open("2025Q2");
        JsonNode form = json(get("/api/v1/submissions/{id}", id), "reporter");
        List<JsonNode> milestones = new ArrayList<>();
        form.get("milestones").properties().forEach(e -> e.getValue().forEach(milestones::add));
        assertThat(milestones).as("the demo's health bureau has tasks with milestones").hasSizeGreaterThanOrEqualTo(2);
        XSSFWorkbook wb = download(id, "reporter");
        XSSFSheet sheet = wb.getSheet("进度节点");
        assertThat(texts(sheet.getRow(0))).containsExactly("任务编号", "进度节点", "计划时间", "节点状态", "完成日期", "节点ID");
        assertThat(sheet.getLastRowNum()).isEqualTo(milestones.size());
        assertThat(sheet.isColumnHidden(5)).isTrue();
        assertThat(sheet.getRow(1).getCell(1).getCellStyle().getLocked()).isTrue();
        assertThat(sheet.getRow(1).getCell(4).getCellStyle().getLocked()).isFalse();
        Row first = sheet.getRow(1), second = sheet.getRow(2);
        long firstId = (long) first.getCell(5).getNumericCellValue(), secondId = (long) second.getCell(5).getNumericCellValue();
        assertThat(first.getCell(1).getStringCellValue()).isEqualTo(milestoneById(milestones, firstId).get("text").asText());

        first.getCell(4).setCellValue(java.time.LocalDate.of(2025, 6, 30));
        second.getCell(4).setCellValue("2999-01-01");
        Row third = sheet.getLastRowNum() >= 3 ? sheet.getRow(3) : null;
        if (third != null) third.getCell(4).setCellValue("六月底");
        JsonNode problem = json(upload(id, bytes(wb), "reporter").andExpect(status().isUnprocessableContent()));
        Map<String, String> errors = new HashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("cell").asText(), e.get("message").asText()));
        assertThat(errors.get("E3")).contains("2999-01-01", "晚于今天");
        if (third != null) assertThat(errors.get("E4")).contains("六月底", "应为日期");
        assertThat(errors).hasSize(third == null ? 1 : 2);
        assertThat(json(get("/api/v1/submissions/{id}", id), "reporter").get("milestones")).isEqualTo(form.get("milestones"));

        second.getCell(4).setCellValue("2025/6/1");
        if (third != null) third.getCell(4).setBlank();
        JsonNode stored = json(upload(id, bytes(wb), "reporter").andExpect(status().isOk()));
        List<JsonNode> after = new ArrayList<>();
        stored.get("milestones").properties().forEach(e -> e.getValue().forEach(after::add));
        assertThat(milestoneById(after, firstId).get("reportedCompletedOn").asText()).isEqualTo("2025-06-30");
        assertThat(milestoneById(after, secondId).get("reportedCompletedOn").asText()).isEqualTo("2025-06-01");
        assertThat(jdbc.sql("select after_value from audit_event where action = 'submission.workbook' and target = :t order by id desc")
                .param("t", "submission:" + id).query(String.class).list().get(0)).contains("2 milestone(s)");
        // the day comes back in the next download, and an unchanged template changes nothing
        XSSFWorkbook again = download(id, "reporter");
        assertThat(again.getSheet("进度节点").getRow(1).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2025, 6, 30));
        int audits = jdbc.sql("select count(*) from audit_event where action = 'milestone.report'").query(Integer.class).single();
        json(upload(id, bytes(again), "reporter").andExpect(status().isOk()));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'milestone.report'").query(Integer.class).single()).isEqualTo(audits);
    }

    /** The form's own 下载模板 and 上传: a wrong template comes back as the list of its cells beside the form, nothing applied. */
    @Test
    void theFormDownloadsAndUploadsTheTemplateAndListsEveryWrongCell() throws Exception {
        long id = open("2026Q4");
        MockHttpServletResponse download = mvc.perform(get("/reports/{id}/workbook", id).with(as("reporter")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download.getContentAsByteArray()));
        JsonNode before = json(get("/api/v1/submissions/{id}", id), "reporter");
        wb.getSheet("任务进展").getRow(1).getCell(3).setCellValue("进行中");
        wb.getSheet("任务进展").getRow(2).getCell(5).setCellValue("这一行本身没错，但整份不保存");
        var result = mvc.perform(multipart("/reports/{id}/workbook", id).file(new MockMultipartFile("file", "填报.xlsx",
                ReportWorkbook.CONTENT_TYPE, bytes(wb))).with(as("reporter"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("#workbook");
        String page = mvc.perform(get("/reports/{id}", id).with(as("reporter")).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"workbook-errors\"", "Excel中有1处错误，未保存任何内容", "<td class=\"num\">D2</td>", "进展状态", "进行中");
        assertThat(json(get("/api/v1/submissions/{id}", id), "reporter").get("tasks")).isEqualTo(before.get("tasks"));

        var notExcel = mvc.perform(multipart("/reports/{id}/workbook", id).file(new MockMultipartFile("file", "x.xlsx",
                ReportWorkbook.CONTENT_TYPE, "not a workbook".getBytes(StandardCharsets.UTF_8))).with(as("reporter")))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(notExcel.getFlashMap().get("workbookErrors").toString()).contains("不是Excel");
        mvc.perform(multipart("/reports/{id}/workbook", id).file(new MockMultipartFile("file", "x.xlsx",
                ReportWorkbook.CONTENT_TYPE, bytes(wb))).with(as("leader"))).andExpect(status().isForbidden());

        wb.getSheet("任务进展").getRow(1).getCell(3).setCellValue("推进中");
        var applied = mvc.perform(multipart("/reports/{id}/workbook", id).file(new MockMultipartFile("file", "填报.xlsx",
                ReportWorkbook.CONTENT_TYPE, bytes(wb))).with(as("reporter"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(applied.getFlashMap().get("workbookApplied")).isEqualTo(true);
        assertThat(json(get("/api/v1/submissions/{id}", id), "reporter").get("tasks").get(1).get("narrative").asText())
                .isEqualTo("这一行本身没错，但整份不保存");
    }

    private static JsonNode milestoneById(List<JsonNode> milestones, long id) {
        return milestones.stream().filter(m -> m.get("milestoneId").asLong() == id).findFirst().orElseThrow();
    }

    // ---- helpers

    private long open(String period) throws Exception {
        long plan = jdbc.sql("select min(plan_id) from report_calendar").query(Long.class).single();
        long unit = jdbc.sql("select id from unit where name = '区卫生健康局'").query(Long.class).single();
        return json(post("/api/v1/submissions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + period + "\"}"), "reporter")
                .get("id").asLong();
    }

    private XSSFWorkbook download(long id, String who) throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/submissions/{id}/workbook", id).with(as(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private ResultActions upload(long id, byte[] bytes, String who) throws Exception {
        return mvc.perform(multipart("/api/v1/submissions/{id}/workbook", id)
                .file(new MockMultipartFile("file", "填报.xlsx", ReportWorkbook.CONTENT_TYPE, bytes)).with(as(who)));
    }

    private JsonNode json(MockHttpServletRequestBuilder request, String who) throws Exception {
        return json(mvc.perform(request.with(as(who))).andExpect(status().is2xxSuccessful()));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return json(result.andReturn().getResponse());
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }

    private static Row rowOf(Sheet sheet, String key) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0) != null && key.equals(row.getCell(0).getStringCellValue())) return row;
        }
        throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
    }

    private static String cellNextTo(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (label.equals(row.getCell(0).getStringCellValue())) return row.getCell(1).getStringCellValue();
        }
        throw new AssertionError("no " + label);
    }

    private static JsonNode byCode(JsonNode tasks, String code) {
        for (JsonNode t : tasks) if (t.get("taskCode").asText().equals(code)) return t;
        throw new AssertionError("no task " + code);
    }

    private static JsonNode byName(JsonNode indicators, String name) {
        for (JsonNode i : indicators) if (i.get("name").asText().equals(name)) return i;
        throw new AssertionError("no indicator " + name);
    }
}
