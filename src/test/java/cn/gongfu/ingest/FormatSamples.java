package cn.gongfu.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One fictional plan of 云岭县 (invented for the tests, no real document) written in each format the import accepts,
 * by each format's own writer: POI for .xlsx and .xls, plain markup for .html. Two tables: a task list (序号, 工作目标,
 * 重点任务, 牵头单位, 配合单位, 完成时限) whose 牵头单位 is merged over two tasks, and an indicator table with year
 * columns whose 领域 is merged over two indicators.
 */
public final class FormatSamples {

    public static final String TITLE = "云岭县2025年共同富裕重点任务清单";

    private FormatSamples() {
    }

    public static byte[] xlsx() {
        return workbook(new XSSFWorkbook());
    }

    public static byte[] xls() {
        return workbook(new HSSFWorkbook());
    }

    private static byte[] workbook(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            Sheet tasks = wb.createSheet("重点任务");
            row(tasks, 0, TITLE);
            tasks.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            row(tasks, 1, "序号", "工作目标", "重点任务", "牵头单位", "配合单位", "完成时限");
            row(tasks, 2, 1, "新增城镇就业3000人以上", "实施就业优先行动", "县人力社保局", "县财政局、各乡镇（街道）", "12月底前");
            row(tasks, 3, 2, "新建养老服务中心5家", "完善养老服务体系", "县民政局", "县卫生健康局", "6月底前");
            row(tasks, 4, 3, "新增普惠托位200个", "扩大托育服务供给", "", "县教育局", "9月底前");
            tasks.addMergedRegion(new CellRangeAddress(3, 4, 3, 3)); // 县民政局 leads tasks 2 and 3
            Sheet indicators = wb.createSheet("主要指标");
            row(indicators, 0, "领域", "序号", "指标", "2023年", "2024年", "2025年");
            row(indicators, 1, "幼有善育", 1, "每千人口托位数(个)", 3.1, 3.6, "≥4");
            Row second = row(indicators, 2, "", 2, "普惠托位占比(%)", 0.70, 0.75, 0.80);
            for (int c = 3; c <= 5; c++) second.getCell(c).setCellStyle(percent);
            indicators.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(Sheet sheet, int r, Object... values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (!"".equals(values[c])) {
                row.createCell(c).setCellValue((String) values[c]);
            }
        }
        return row;
    }

    /**
     * A page as a government site saves it, in GB2312 as many still are: furniture, scripts and a navigation bar
     * around the document, the task list as a real table with a rowspan, the indicators with a rowspan in 领域.
     */
    public static byte[] html() {
        String page = """
                <!DOCTYPE html>
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>%1$s_云岭县人民政府</title>
                <style>td { border: 1px solid #999 } .x { color: red }</style>
                <script>var share = "分享到微博"; document.write("<p>脚本写出的字</p>");</script></head>
                <body>
                <nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav>
                <div class="article">
                <h1>%1$s</h1>
                <p>为推动共同富裕，现将重点任务分解如下。</p>
                <table border="1">
                <tr><th>序号</th><th>工作目标</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
                <tr><td>1</td><td>新增城镇就业3000人以上</td><td>实施就业优先行动</td><td>县人力社保局</td><td>县财政局、各乡镇（街道）</td><td>12月底前</td></tr>
                <tr><td>2</td><td>新建养老服务中心5家</td><td>完善养老服务体系</td><td rowspan="2">县民政局</td><td>县卫生健康局</td><td>6月底前</td></tr>
                <tr><td>3</td><td>新增普惠托位200个</td><td>扩大托育<br>服务供给</td><td>县教育局</td><td>9月底前</td></tr>
                </table>
                <p>主要指标</p>
                <table border="1">
                <tr><td>领域</td><td>序号</td><td>指标</td><td>2023年</td><td>2024年</td><td>2025年</td></tr>
                <tr><td rowspan="2">幼有善育</td><td>1</td><td>每千人口托位数(个)</td><td>3.1</td><td>3.6</td><td>≥4</td></tr>
                <tr><td>2</td><td>普惠托位占比(%%)</td><td>70</td><td>75</td><td>80</td></tr>
                </table>
                </div>
                </body></html>
                """.formatted(TITLE);
        return page.getBytes(Charset.forName("GB2312"));
    }
}
