package cn.gongfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: a plan's tasks export as a 任务分解表 in Excel and Word — one row a task under the plan's title, with its lead
 * and co-operating units and its deadlines — read back with POI against the database.
 */
@H2Test
class TaskBreakdownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTaskListExportsAsABreakdownTableInExcelAndWord() throws Exception {
        long planId = DemoFacts.demoPlanId(jdbc);
        int tasks = jdbc.sql("select count(*) from task where plan_id = :p").param("p", planId).query(Integer.class).single();
        String firstTitle = jdbc.sql("select title from task where plan_id = :p order by position limit 1").param("p", planId)
                .query(String.class).single();
        String firstDeadline = jdbc.sql("""
                select m.to_month from milestone m join task t on t.id = m.task_id where t.plan_id = :p
                order by t.position, m.to_month, m.id limit 1""").param("p", planId).query(String.class).single();

        byte[] xlsx = mvc.perform(get("/plans/{id}/breakdown.xlsx", planId)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("重点任务分解表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("牵头单位");
            assertThat(sheet.getLastRowNum() - 1).as("one row a task").isEqualTo(tasks);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo(firstTitle);
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isNotBlank();
        }
        byte[] docx = mvc.perform(get("/plans/{id}/breakdown.docx", planId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).endsWith("重点任务分解表");
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getNumberOfRows()).isEqualTo(tasks + 1);
            assertThat(table.getRow(0).getCell(4).getText()).isEqualTo("完成时限");
            String deadlines = String.join("", java.util.stream.IntStream.rangeClosed(1, tasks)
                    .mapToObj(r -> table.getRow(r).getCell(4).getText()).toList());
            assertThat(deadlines).contains(firstDeadline);
        }
        mvc.perform(get("/plans/{id}/breakdown.pdf", planId)).andExpect(status().isNotFound());
    }
}
