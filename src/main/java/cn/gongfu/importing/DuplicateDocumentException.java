package cn.gongfu.importing;

import cn.gongfu.kernel.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The same document (same SHA-256) was imported before: as a plan, or as an import still in review. */
class DuplicateDocumentException extends ProblemException {

    private final Long planId;
    private final Long importId;

    DuplicateDocumentException(Long planId, Long importId) {
        super(HttpStatus.CONFLICT, "duplicate-document", planId != null
                ? "this document was already imported as plan " + planId
                : "this document is already waiting for review as import " + importId);
        this.planId = planId;
        this.importId = importId;
    }

    public Long planId() {
        return planId;
    }

    public Long importId() {
        return importId;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (planId != null) p.put("planId", planId);
        if (importId != null) p.put("importId", importId);
        return p;
    }
}
