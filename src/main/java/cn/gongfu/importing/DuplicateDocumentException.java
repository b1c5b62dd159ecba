package cn.gongfu.importing;

/** The same document (same SHA-256) was imported before: as a plan, or as an import still in review. */
public class DuplicateDocumentException extends RuntimeException {

    private final Long planId;
    private final Long importId;

    DuplicateDocumentException(Long planId, Long importId) {
        super(planId != null
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
}
