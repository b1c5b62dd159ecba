package cn.gongfu.bulletin;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Rules;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "bulletins", description = "通报：生成、编辑、签发、下载 Bulletins: generate, edit, issue, download")
@RestController
@RequestMapping("/api/v1/bulletins")
class BulletinApi {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PDF = "application/pdf";

    private final BulletinService bulletins;

    BulletinApi(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping
    public PageResult<Bulletin.Row> list(@RequestParam(required = false) Long plan, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) Integer year, @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        return bulletins.list(new BulletinService.Filter(plan, kind, year, state, q), new PageRequest(page, size));
    }

    public record GenerateInput(@NotNull(message = Rules.REQUIRED) Long plan,
                                @NotBlank(message = Rules.REQUIRED) @Size(max = 7, message = Rules.TOO_LONG) String period) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Bulletin generate(@Valid @RequestBody GenerateInput in) {
        return bulletins.generate(in.plan(), in.period());
    }

    @GetMapping("/{id}")
    public Bulletin get(@PathVariable long id) {
        return bulletins.get(id);
    }

    public record NarrativeInput(@NotNull(message = Rules.REQUIRED) @Size(max = 20000, message = Rules.TOO_LONG) String summary,
                                 @NotNull(message = Rules.REQUIRED) @Size(max = 20000, message = Rules.TOO_LONG) String problems,
                                 @NotNull(message = Rules.REQUIRED) @Size(max = 20000, message = Rules.TOO_LONG) String requirements,
                                 @NotNull(message = "请提交读取时的版本 send the version you read") Integer version) {}

    @PutMapping("/{id}/narrative")
    public Bulletin editNarrative(@PathVariable long id, @Valid @RequestBody NarrativeInput in) {
        return bulletins.editNarrative(id, new BulletinService.Narrative(in.summary(), in.problems(), in.requirements()), in.version());
    }

    public record VersionInput(@NotNull(message = "请提交读取时的版本 send the version you read") Integer version) {}

    @PostMapping("/{id}/regenerate")
    public Bulletin regenerate(@PathVariable long id, @Valid @RequestBody VersionInput in) {
        return bulletins.regenerate(id, in.version());
    }

    @PostMapping("/{id}/issue")
    public Bulletin issue(@PathVariable long id, @Valid @RequestBody VersionInput in) {
        return bulletins.issue(id, in.version());
    }

    @GetMapping("/{id}/docx")
    public ResponseEntity<byte[]> docx(@PathVariable long id) {
        Bulletin b = bulletins.get(id);
        return Downloads.attachment(BulletinService.fileName(b, "docx"), DOCX, bulletins.docx(id));
    }

    @GetMapping("/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Bulletin b = bulletins.get(id);
        return Downloads.attachment(BulletinService.fileName(b, "pdf"), PDF, bulletins.pdf(id));
    }
}
