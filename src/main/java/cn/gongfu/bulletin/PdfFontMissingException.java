package cn.gongfu.bulletin;

import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * No font that can draw Chinese and be embedded in a PDF was found: neither {@code gongfu.bulletin.pdf-font} nor one of
 * the known system fonts. The .docx download still works; docs/supervision.md says which font package to install.
 */
public class PdfFontMissingException extends ProblemException {

    private final String tried;

    public PdfFontMissingException(String tried) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-missing",
                "no CJK TrueType font for the PDF: set gongfu.bulletin.pdf-font to a .ttf or .ttc file (tried " + tried + ")");
        this.tried = tried;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("property", "gongfu.bulletin.pdf-font", "tried", tried);
    }
}
