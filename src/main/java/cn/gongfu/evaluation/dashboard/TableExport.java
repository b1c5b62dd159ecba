package cn.gongfu.evaluation.dashboard;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.TableWorkbook;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * A dashboard table as an .xlsx file: a bold header row, numbers as numbers, text made formula-safe; and the file
 * as a download. The survey and consistency pages export their tables with it too.
 */
public final class TableExport {

    private TableExport() {}

    /** An .xlsx file as a download ({@link Downloads}). */
    public static ResponseEntity<byte[]> download(String name, byte[] file) {
        return Downloads.attachment(name, Downloads.XLSX, file);
    }

    /** The table as an .xlsx file ({@link TableWorkbook}). */
    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        return TableWorkbook.xlsx(sheetName, header, rows);
    }
}
