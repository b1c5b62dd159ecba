package cn.gongfu.reporting;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.reporting.ReportingService.Form;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The Excel template of a submission: download it pre-filled, upload it filled (all or nothing). */
@Tag(name = "reporting", description = "进展填报 Progress reports and indicator values: calendar, submissions, workflow, history")
@RestController
@RequestMapping("/api/v1/submissions/{id}/workbook")
class ReportWorkbookApi {

    private final ReportingService reporting;

    public ReportWorkbookApi(ReportingService reporting) {
        this.reporting = reporting;
    }

    @GetMapping
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        return attachment(reporting.workbook(id));
    }

    /** 200 with the updated form; 422 with {@code errors} naming every wrong cell (nothing is stored then). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Form upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        return reporting.applyWorkbook(id, bytes(file));
    }

    /** The template as a download (file name in RFC 5987 form for the Chinese unit name); pages use it too. */
    public static ResponseEntity<byte[]> attachment(ReportWorkbook.File file) {
        return Downloads.attachment(file.fileName(), file.contentType(), file.bytes());
    }

    /** An uploaded template's bytes, once its size is known to be within bounds; pages use it too. */
    public static byte[] bytes(MultipartFile file) throws IOException {
        return Uploads.read(file, ReportWorkbook.MAX_UPLOAD_BYTES);
    }
}
