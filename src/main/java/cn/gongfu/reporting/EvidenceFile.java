package cn.gongfu.reporting;

import java.time.LocalDateTime;

/** A file attached to a submission as evidence (a photo, a signed document), listed without its bytes. */
record EvidenceFile(long id, long submissionId, String fileName, String contentType, long sizeBytes, String sha256,
                           String uploadedBy, LocalDateTime uploadedAt) {}
