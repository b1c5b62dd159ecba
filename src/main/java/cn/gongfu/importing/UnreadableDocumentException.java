package cn.gongfu.importing;

import cn.gongfu.ingest.DocumentException;
import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A file the parser cannot read, as the import refuses it. The parser stays free of the web (its own
 * {@link DocumentException} is plain), so the import translates it at its edge; the message is the parser's.
 */
class UnreadableDocumentException extends ProblemException {

    UnreadableDocumentException(DocumentException cause) {
        super(HttpStatus.BAD_REQUEST, "unreadable-document", cause.getMessage());
        initCause(cause);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", "file");
    }
}
