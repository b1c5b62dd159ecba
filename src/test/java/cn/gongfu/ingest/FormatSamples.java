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
        return workbook(new XSSFWorkbook(), null);
    }

    /** The same workbook with another file hash: variant is written into a hidden sheet, which is not read. */
    public static byte[] xlsx(String variant) {
        return workbook(new XSSFWorkbook(), variant);
    }

    public static byte[] xls() {
        return workbook(new HSSFWorkbook(), null);
    }

    private static byte[] workbook(Workbook wb, String variant) {
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
            if (variant != null) {
                row(wb.createSheet("备注"), 0, "这一页是隐藏的，不应读出", variant);
                wb.setSheetHidden(2, true);
            }
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
        return html("");
    }

    /** The same page with another file hash (variant goes into an HTML comment). */
    public static byte[] html(String variant) {
        String page = "<!-- " + variant + " -->" + """
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

    /**
     * An OFD (GB/T 33190) package as a fixed-layout writer lays it out: OFD.xml → Doc_0/Document.xml → two pages,
     * each a Content.xml of TextObjects at positions in millimetres (a table is text placed in columns). Written
     * here part by part because ofdrw's writer (ofdrw-layout) cannot be resolved from Maven Central; the objects of
     * page 1 are stored out of reading order on purpose (the reader sorts by y, then x).
     */
    public static byte[] ofd() {
        return ofd("6f1a2b3c");
    }

    /** The same document with another file hash: docId is the package's DocID. */
    public static byte[] ofd(String docId) {
        String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
        String ofdXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns + " Version=\"1.0\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>" + docId + "</ofd:DocID><ofd:Title>" + TITLE + "</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + ns + "><ofd:CommonData>"
                + "<ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>"
                + "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/><ofd:Page ID=\"2\" BaseLoc=\"/Doc_0/Pages/Page_1/Content.xml\"/>"
                + "</ofd:Pages></ofd:Document>";
        String publicRes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res " + ns + " BaseLoc=\"Res\"><ofd:Fonts>"
                + "<ofd:Font ID=\"3\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>";
        double[] columns = {15, 27, 72, 110, 138, 180};
        StringBuilder page1 = new StringBuilder();
        int[] id = {10};
        // the table first and the title last: storage order is not reading order
        double y = 60;
        for (String[] row : new String[][] {
                {"序号", "工作目标", "重点任务", "牵头单位", "配合单位", "完成时限"},
                {"1", "新增城镇就业3000人以上", "实施就业优先行动", "县人力社保局", "县财政局", "12月底前"},
                {"2", "新建养老服务中心5家", "完善养老服务体系", "县民政局", "县卫生健康局", "6月底前"}}) {
            for (int c = 0; c < row.length; c++) page1.append(text(id, columns[c], y, 3, row[c]));
            y += 8;
        }
        page1.append(text(id, 15, 40, 3.5, "为推动共同富裕，现将重点任务分解如下。"));
        page1.append(text(id, 40, 25, 5, TITLE));
        StringBuilder page2 = new StringBuilder();
        page2.append(text(id, 15, 25, 3.5, "主要指标"));
        double[] ind = {15, 40, 52, 120, 145, 170};
        y = 40;
        for (String[] row : new String[][] {
                {"领域", "序号", "指标", "2023年", "2024年", "2025年"},
                {"幼有善育", "1", "每千人口托位数(个)", "3.1", "3.6", "≥4"}}) {
            for (int c = 0; c < row.length; c++) page2.append(text(id, ind[c], y, 3, row[c]));
            y += 8;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            put(zip, "OFD.xml", ofdXml);
            put(zip, "Doc_0/Document.xml", document);
            put(zip, "Doc_0/PublicRes.xml", publicRes);
            put(zip, "Doc_0/Pages/Page_0/Content.xml", page(ns, page1));
            put(zip, "Doc_0/Pages/Page_1/Content.xml", page(ns, page2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String page(String ns, CharSequence objects) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page " + ns + "><ofd:Content><ofd:Layer ID=\"2\">"
                + objects + "</ofd:Layer></ofd:Content></ofd:Page>";
    }

    /** One TextObject: its box at (x, y - size), the run's baseline at Y = size inside it. */
    private static String text(int[] id, double x, double y, double size, String text) {
        double width = text.codePoints().mapToDouble(c -> c < 0x2E80 ? size / 2 : size).sum();
        return "<ofd:TextObject ID=\"" + (id[0]++) + "\" Boundary=\"" + x + " " + (y - size) + " " + width + " " + (size * 1.2)
                + "\" Font=\"3\" Size=\"" + size + "\"><ofd:TextCode X=\"0\" Y=\"" + size + "\">" + text
                + "</ofd:TextCode></ofd:TextObject>";
    }

    private static void put(java.util.zip.ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The lines of the fictional scanned plan: items with labelled lead units, no table (OCR keeps lines, not cells). */
    public static final java.util.List<String> SCANNED_LINES = java.util.List.of(
            "云岭县2025年托育服务工作要点",
            "一、重点任务",
            "1.建设社区托育服务点，新增普惠托位300个。",
            "（牵头单位：县卫生健康局）",
            "2.开展托育从业人员培训，培训保育人员200人次。",
            "（牵头单位：县人力社保局）",
            "3.推进托育机构登记备案。",
            "（牵头单位：县市场监管局）");

    /** The scan's second page: a ruled indicator table with year columns. */
    public static final java.util.List<String[]> SCANNED_TABLE = java.util.List.of(
            new String[] {"领域", "序号", "指标", "2023年", "2024年", "2025年"},
            new String[] {"幼有善育", "1", "每千人口托位数(个)", "3.1", "3.6", "4.5"},
            new String[] {"幼有善育", "2", "普惠托位占比(%)", "70", "75", "80"});

    /** TrueType CJK fonts AWT can draw with (Debian's fonts-wqy-zenhei, fonts-arphic-uming; CI installs both). */
    private static final java.util.List<String> CJK_FONTS = java.util.List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    /** A CJK font found on this machine, or null. */
    public static java.awt.Font cjkFont(float size) {
        for (String path : CJK_FONTS) {
            java.io.File file = new java.io.File(path);
            if (!file.isFile()) continue;
            try {
                return java.awt.Font.createFonts(file)[0].deriveFont(size);
            } catch (java.awt.FontFormatException | IOException e) {
                // try the next one
            }
        }
        return null;
    }

    /**
     * A scan: the plan drawn as black text into white A4 pictures at 300 dpi (page 1 the items, page 2 a ruled
     * indicator table), each picture the only content of a PDFBox page (no text layer at all). Null where no CJK font is installed to draw it with.
     */
    public static byte[] scannedPdf() {
        java.awt.Font font = cjkFont(54f);
        if (font == null) return null;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int y = 300;
        for (String line : SCANNED_LINES) {
            g.setFont(line.equals(SCANNED_LINES.get(0)) ? font.deriveFont(72f) : font);
            g.drawString(line, 200, y);
            y += 130;
        }
        g.dispose();
        // page 2: the indicator table, ruled as printed tables are
        java.awt.image.BufferedImage table = new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        g = table.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, table.getWidth(), table.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.drawString("二、主要指标", 200, 300);
        int[] x = {200, 460, 640, 1500, 1820, 2140};
        y = 460;
        for (String[] row : SCANNED_TABLE) {
            for (int c = 0; c < row.length; c++) g.drawString(row[c], x[c], y);
            g.drawLine(170, y + 40, 2400, y + 40);
            y += 130;
        }
        for (int c : new int[] {170, 430, 610, 1470, 1790, 2110, 2400}) g.drawLine(c, 370, c, y - 90);
        g.dispose();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (java.awt.image.BufferedImage picture : java.util.List.of(image, table)) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
                doc.addPage(page);
                var xobject = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Word 97 sample (see src/test/resources/ingest/formats/README.md for how it was made). */
    public static byte[] doc() {
        try (var in = FormatSamples.class.getResourceAsStream("/ingest/formats/yunling_tasks.doc")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
