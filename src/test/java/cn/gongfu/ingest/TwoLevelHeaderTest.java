package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A header over two rows — 目标值 over 2022年 | 2025年, the other cells spanning both rows — in every layout the table
 * reader reads: the project's own sample (青溪区, src/test/resources/ingest/tables/two_level_*.txt) as bars with the
 * lower row in place and compact, one cell per line, tabs, runs of spaces, and as a Word table with merged cells
 * and a workbook with merged regions, both written here with POI.
 */
class TwoLevelHeaderTest {

    private static final DocumentParser parser = new DocumentParser();
    private static final String TITLE = "青溪区民生保障主要指标（2023—2025年）";
    private static final String[][] ROWS = {
            {"1", "城镇新增就业", "万人", "1.2", "1.5", "区人社局"},
            {"2", "每千人口托位数", "个", "2.5", "4.5", "区卫健局"},
            {"3", "污水处理率", "%", "92", "≥95", "区住建局"},
    };

    @ParameterizedTest
    @ValueSource(strings = {"two_level_pipes.txt", "two_level_pipes_compact.txt", "two_level_cell_lines.txt", "two_level_tabs.txt",
            "two_level_spaces.txt"})
    void yearsUnderTargetValueAreYearColumnsInEveryTextLayout(String file) {
        assertReadsTheIndicators(parser.parse(file, SampleDocumentsTest.resource("tables/" + file)));
    }

    @Test
    void aWordTableWithMergedHeaderCells() {
        assertReadsTheIndicators(parser.parse("主要指标.docx", docx()));
    }

    @Test
    void aWorkbookWithMergedRegions() {
        assertReadsTheIndicators(parser.parse("主要指标.xlsx", xlsx()));
    }

    /** 3 indicators × 2022 (the base year, before the plan's 2023) and 2025 (the target): 6/6 cells, 3/3 baselines. */
    private static void assertReadsTheIndicators(ParsedDocument doc) {
        assertThat(doc.indicators()).extracting(ParsedIndicator::name, ParsedIndicator::unit)
                .containsExactly(tuple("城镇新增就业", "万人"), tuple("每千人口托位数", "个"), tuple("污水处理率", "%"));
        assertThat(doc.indicators()).extracting(i -> i.values().stream().map(v -> v.year() + ":" + v.raw()).toList())
                .containsExactly(List.of("2022:1.2", "2025:1.5"), List.of("2022:2.5", "2025:4.5"), List.of("2022:92", "2025:≥95"));
        assertThat(doc.indicators()).extracting(i -> i.baseline().year() + ":" + i.baseline().raw())
                .containsExactly("2022:1.2", "2022:2.5", "2022:92");
        assertThat(doc.indicators().get(2).targetValues()).singleElement().satisfies(v -> {
            assertThat(v.year()).isEqualTo(2025);
            assertThat(v.comparator().code()).isEqualTo("ge");
        });
        assertThat(doc.findings()).extracting(Finding::kind).doesNotContain("table-unread");
    }

    @Test
    void theCellsOfTheTwoRowsAreJoinedByGroup() {
        assertThat(TwoLevelHeader.inPlace(List.of("序号", "指标", "目标值", "", "牵头单位"), List.of("", "", "2022年", "2025年", "")))
                .containsExactly("序号", "指标", "目标值·2022年", "目标值·2025年", "牵头单位");
        assertThat(TwoLevelHeader.compact(List.of("序号", "指标", "目标值", "牵头单位"), List.of("2022年", "2025年")))
                .containsExactly("序号", "指标", "目标值·2022年", "目标值·2025年", "牵头单位");
        assertThat(TableColumn.of("目标值·2025年")).satisfies(c -> {
            assertThat(c.role()).isEqualTo(TableColumn.Role.YEAR);
            assertThat(c.year()).isEqualTo(2025);
            assertThat(c.group()).isEqualTo("目标值");
        });
        // Several groups share the lower cells when each names its unit; the other upper cells are captions.
        assertThat(TwoLevelHeader.fromRun(List.of("地区", "就业工程", "新增就业(人)", "失业率低于(%)", "区人社局", "目标任务", "进度", "完成比例(%)",
                "目标任务", "进度", "完成比例(%)")))
                .containsExactly("地区", "新增就业(人)·目标任务", "新增就业(人)·进度", "新增就业(人)·完成比例(%)", "失业率低于(%)·目标任务",
                        "失业率低于(%)·进度", "失业率低于(%)·完成比例(%)");
        // A one-row header, a data row and a repeated header are no second header row.
        assertThat(TwoLevelHeader.fromRun(List.of("序号", "指标", "单位", "2022年", "2025年"))).isNull();
        assertThat(TwoLevelHeader.inPlace(List.of("序号", "指标", "目标值", "", "牵头单位"), List.of("1", "人均GDP", "8", "10", "区发改局"))).isNull();
        assertThat(TwoLevelHeader.inPlace(List.of("序号", "指标", "2022年", "2025年"), List.of("序号", "指标", "2022年", "2025年"))).isNull();
        assertThat(TwoLevelHeader.compact(List.of("序号", "指标", "属性", "牵头单位"), List.of("2022年", "2025年"))).isNull();
    }

    private static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(TITLE);
            XWPFTable table = doc.createTable(2 + ROWS.length, 6);
            String[] upper = {"序号", "指标", "单位", "目标值", null, "牵头单位"};
            String[] lower = {null, null, null, "2022年", "2025年", null};
            for (int c = 0; c < 6; c++) {
                set(table.getRow(0).getCell(c), upper[c]);
                set(table.getRow(1).getCell(c), lower[c]);
                if (c != 3 && c != 4) {
                    // 序号, 指标, 单位, 牵头单位 are merged over both header rows
                    table.getRow(0).getCell(c).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                    table.getRow(1).getCell(c).getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                }
            }
            // 目标值 spans two grid columns: its row has one cell fewer.
            XWPFTableRow first = table.getRow(0);
            var spanning = first.getCell(3).getCTTc();
            (spanning.isSetTcPr() ? spanning.getTcPr() : spanning.addNewTcPr()).addNewGridSpan().setVal(BigInteger.TWO);
            first.removeCell(4);
            for (int r = 0; r < ROWS.length; r++) {
                for (int c = 0; c < 6; c++) {
                    set(table.getRow(2 + r).getCell(c), ROWS[r][c]);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(XWPFTableCell cell, String text) {
        if (text != null) {
            cell.setText(text);
        }
    }

    private static byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("主要指标");
            sheet.createRow(0).createCell(0).setCellValue(TITLE);
            String[] upper = {"序号", "指标", "单位", "目标值", null, "牵头单位"};
            String[] lower = {null, null, null, "2022年", "2025年", null};
            Row u = sheet.createRow(1);
            Row l = sheet.createRow(2);
            for (int c = 0; c < 6; c++) {
                if (upper[c] != null) {
                    u.createCell(c).setCellValue(upper[c]);
                }
                if (lower[c] != null) {
                    l.createCell(c).setCellValue(lower[c]);
                }
                if (c != 3 && c != 4) {
                    sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 3, 4));
            for (int r = 0; r < ROWS.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < 6; c++) {
                    if (c >= 3 && c <= 4 && ROWS[r][c].matches("[\\d.]+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(ROWS[r][c]));
                    } else {
                        row.createCell(c).setCellValue(ROWS[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
