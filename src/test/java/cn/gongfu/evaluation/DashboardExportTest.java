package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every dashboard table comes out as a real .xlsx; drill-downs filter by domain and reach a task's reports. */
@H2Test
class DashboardExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long plan() {
        return DemoFacts.demoPlanId(jdbc);
    }

    @Test
    void everyTableExportsToExcel() throws Exception {
        Map<String, String> firstHeader = Map.of("indicators", "领域", "lagging", "领域", "units", "组别", "tasks", "编号", "regions", "地区",
                "contributions", "指标");
        for (var table : firstHeader.entrySet()) {
            byte[] file = mvc.perform(get("/dashboard/export").param("plan", "" + plan()).param("table", table.getKey()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as(table.getKey()).isEqualTo(table.getValue());
                assertThat(sheet.getLastRowNum()).as(table.getKey() + " rows").isPositive();
            }
        }
        mvc.perform(get("/dashboard/export").param("plan", "" + plan()).param("table", "secrets")).andExpect(status().isBadRequest());
        for (String path : List.of("/surveys/export", "/consistency/export")) {
            byte[] file = mvc.perform(get(path).param("region", "330299")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).as(path).isIn("地区", "类型");
            }
        }
    }

    @Test
    void theOverviewDrillsDownByDomainAndATaskShowsItsAcceptedReports() throws Exception {
        String page = mvc.perform(get("/dashboard").param("plan", "" + plan()).param("domain", "病有良医"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("每千常住人口床位数").doesNotContain(">普惠托位占比<");
        long task = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan()).query(Long.class).single();
        assertThat(mvc.perform(get("/tasks/{id}", task)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("进展填报记录");
    }
}
