package cn.gongfu.importing;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.reporting.ProgressDrafts;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "imports", description = "文档导入 Import plan documents: upload, review, map units, publish")
@RestController
@RequestMapping("/api/v1/imports")
class ImportApi {

    private final ImportService imports;

    public ImportApi(ImportService imports) {
        this.imports = imports;
    }

    /** Uploads a plan document (.txt, .docx, .doc, .pdf, scanned .pdf by OCR, .xlsx, .xls, .html, .ofd); it is parsed at once and kept for review. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportReview> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                               @RequestParam String region,
                                               @RequestParam(defaultValue = "action_plan") String kind,
                                               @RequestParam(required = false) Long previousPlan) throws IOException {
        byte[] content = Uploads.read(file, ImportService.MAX_UPLOAD_BYTES);
            ImportJob job = imports.upload(file.getOriginalFilename(), content, region, kind, previousPlan);
        return ResponseEntity.created(URI.create("/api/v1/imports/" + job.id())).body(imports.review(job.id()));
    }

    @GetMapping
    public PageResult<ImportJob> list(@RequestParam(required = false) String state,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return imports.list(state, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public ImportReview review(@PathVariable long id) {
        return imports.review(id);
    }

    /** How a unit name as written resolves: {@code {"writtenName", "unitId"}} or {@code {"writtenName", "createName", "createKind"}}. */
    public record UnitDecision(@NotBlank(message = Rules.REQUIRED) @Size(max = 200, message = Rules.TOO_LONG) String writtenName,
                               Long unitId,
                               @Size(max = 200, message = Rules.TOO_LONG) String createName,
                               @Size(max = 20, message = Rules.TOO_LONG) String createKind) {}

    @PutMapping("/{id}/units")
    public ImportReview decideUnit(@PathVariable long id, @Valid @RequestBody UnitDecision decision) {
        if (decision.unitId() != null) {
            imports.mapUnit(id, decision.writtenName(), decision.unitId());
        } else if (decision.createKind() != null) {
            imports.createUnit(id, decision.writtenName(), decision.createName(), decision.createKind());
        } else {
            throw new InvalidParameterException("unitId", "give unitId to map, or createKind (and createName) to create");
        }
        return imports.review(id);
    }

    /** Takes every suggestion and creates every other unknown unit as written. */
    @PostMapping("/{id}/units/settle")
    public ImportReview settleUnknownUnits(@PathVariable long id) {
        imports.settleUnknownUnits(id);
        return imports.review(id);
    }

    /** The title and period where the document gives none (or gets them wrong). */
    /** Column size: {@code import_job.title} in V3__imports.sql. */
    public record Details(@Size(max = 500, message = Rules.TOO_LONG) String title, Integer startYear, Integer endYear) {}

    @PutMapping("/{id}/details")
    public ImportReview details(@PathVariable long id, @Valid @RequestBody Details details) {
        imports.setDetails(id, details.title(), details.startYear(), details.endYear());
        return imports.review(id);
    }

    @PostMapping("/{id}/publish")
    public ResponseEntity<Map<String, Long>> publish(@PathVariable long id) {
        long planId = imports.publish(id);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId)).body(Map.of("planId", planId));
    }

    /** The reporting period progress is imported for: {@code {"period": "2026Q3"}}, or none for the current one. */
    public record ProgressImport(@Size(max = 7, message = Rules.TOO_LONG) String period) {}

    /**
     * Imports a document of progress tables as draft progress reports of the plan it reports on, instead of a new
     * plan; answers where the progress went (the period, each unit's report). Refused, nothing written, where a unit's
     * report for the period is already submitted or accepted (409).
     */
    @PostMapping("/{id}/progress")
    public ProgressDrafts.Outline importProgress(@PathVariable long id,
                                                 @Valid @RequestBody(required = false) ProgressImport body) {
        return imports.importProgress(id, body == null ? null : body.period());
    }

    @PostMapping("/{id}/discard")
    public ResponseEntity<Void> discard(@PathVariable long id) {
        imports.discard(id);
        return ResponseEntity.noContent().build();
    }

    /** The original document, byte for byte. */
    @GetMapping("/{id}/source")
    public ResponseEntity<byte[]> source(@PathVariable long id) {
        ImportJob job = imports.job(id);
        return Downloads.attachment(job.fileName(), job.contentType(), imports.content(id));
    }
}
