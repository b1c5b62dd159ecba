package cn.gongfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.H2Test;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: the report list has the search form government staff know (unit or plan words, state, period, overdue only)
 * and exports what it lists to Excel; a filter that cannot apply names its field.
 */
@H2Test
class ReportListFilterTest {

    private static final Pattern COUNT = Pattern.compile("共 (\\d+) 条，列出 (\\d+) 条");

    @Autowired
    MockMvc mvc;

    @Test
    void theListFiltersAndExportsWhatItLists() throws Exception {
        int[] everything = count(page("/reports"));
        assertThat(everything[0]).as("everything listed without a filter").isEqualTo(everything[1]).isPositive();
        int[] health = count(page("/reports?q=卫生健康&overdue=true"));
        assertThat(health[1]).isEqualTo(everything[0]);
        assertThat(health[0]).isPositive().isLessThan(everything[0]);
        String filtered = page("/reports?q=卫生健康&overdue=true");
        assertThat(filtered).contains("id=\"report-filter\"", "value=\"卫生健康\"", "href=\"/reports.xlsx?q=");

        byte[] xlsx = mvc.perform(get("/reports.xlsx").param("q", "卫生健康").param("overdue", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
            assertThat(sheet.getLastRowNum()).as("the rows the page lists").isEqualTo(health[0]);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).contains("卫生健康");
                assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("已逾期");
            }
        }
        assertThat(count(page("/reports?state=accepted&q=没有这个单位"))[0]).isZero();
        mvc.perform(get("/reports").param("state", "lost")).andExpect(status().isBadRequest());
        mvc.perform(get("/reports.xlsx").param("q", "长".repeat(300))).andExpect(status().isBadRequest());
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** {listed, total} from the page's count line. */
    private static int[] count(String page) {
        Matcher m = COUNT.matcher(page);
        assertThat(m.find()).as("the page says how many it lists").isTrue();
        return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))};
    }
}
