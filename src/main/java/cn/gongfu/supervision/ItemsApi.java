package cn.gongfu.supervision;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.supervision.SupervisedItem.Detail;
import cn.gongfu.supervision.SupervisedItem.Entry;
import cn.gongfu.supervision.SupervisedItem.Grade;
import cn.gongfu.supervision.SupervisedItem.Kind;
import cn.gongfu.supervision.SupervisedItem.Source;
import cn.gongfu.supervision.SupervisedItem.State;
import cn.gongfu.supervision.SupervisedItem.SubjectType;
import cn.gongfu.supervision.SupervisedItems.UnitCounts;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The issue register, leaders' instructions and supervision orders through the API: list (the page's filters), create,
 * read one with its timeline, answer, rectify (with evidence), close, reopen, raise the grade, the order's .docx and the
 * counts by unit. Refusals are problem details: 400 naming the field, 403, 404, 409 for a stale version or a step that
 * does not apply to the item as it is.
 */
@Tag(name = "supervised-items", description = "问题清单、领导批示、督办单 Issue register, leaders' instructions, supervision orders")
@RestController
@RequestMapping("/api/v1/supervision/items")
class ItemsApi {

    private final ItemService items;
    private final SupervisedItems reads;
    private final ItemDocx docx;

    ItemsApi(ItemService items, SupervisedItems reads, ItemDocx docx) {
        this.items = items;
        this.reads = reads;
        this.docx = docx;
    }

    @GetMapping
    public PageResult<SupervisedItem> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                                           @RequestParam(required = false) Long unit, @RequestParam(required = false) String grade,
                                           @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue,
                                           @RequestParam(required = false) Long plan, @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return items.list(filter(kind, state, unit, grade, q, overdue, plan), new PageRequest(page, size));
    }

    /** The list's filters from text, each refused with its name when it is not one of the values. */
    static ItemService.Filter filter(String kind, String state, Long unit, String grade, String q, boolean overdue, Long plan) {
        if (q != null && q.length() > 200) throw new InvalidParameterException("q", "at most 200 characters");
        return new ItemService.Filter(enumOf(Kind.class, "kind", kind), enumOf(State.class, "state", state), unit,
                enumOf(Grade.class, "grade", grade), q, overdue, plan);
    }

    public record CreateInput(@NotBlank(message = Rules.REQUIRED) @Size(max = 12, message = Rules.TOO_LONG) String kind,
                              @Size(max = 12, message = Rules.TOO_LONG) String subjectType, Long subjectId,
                              @Size(max = 20, message = Rules.TOO_LONG) String source, Long planId,
                              @NotNull(message = Rules.REQUIRED) Long unitId,
                              @NotBlank(message = Rules.REQUIRED) @Size(max = 300, message = Rules.TOO_LONG) String title,
                              @Size(max = 4000, message = Rules.TOO_LONG) String body,
                              @Size(max = 8, message = Rules.TOO_LONG) String grade,
                              @NotNull(message = Rules.REQUIRED) LocalDate deadline) {

        ItemService.NewItem toNew() {
            Kind k = enumOf(Kind.class, "kind", kind);
            SubjectType st = subjectType == null || subjectType.isBlank() ? SubjectType.NONE : enumOf(SubjectType.class, "subjectType", subjectType);
            Source src = source == null || source.isBlank() ? (k == Kind.INSTRUCTION ? Source.INSTRUCTION : Source.MANUAL)
                    : enumOf(Source.class, "source", source);
            return new ItemService.NewItem(k, st, subjectId, src, planId, unitId, title, body, enumOf(Grade.class, "grade", grade), deadline);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public SupervisedItem create(@Valid @RequestBody CreateInput in) {
        return items.create(in.toNew());
    }

    @GetMapping("/{id}")
    public Detail get(@PathVariable long id) {
        return items.detail(id);
    }

    /** The unit's answer or rectification text, with the version read. */
    public record TextInput(@NotBlank(message = Rules.REQUIRED) @Size(max = 4000, message = Rules.TOO_LONG) String text,
                            @NotNull(message = Rules.REQUIRED) Integer version) {}

    @PostMapping("/{id}/answer")
    public SupervisedItem answer(@PathVariable long id, @Valid @RequestBody TextInput in) {
        return items.answer(id, in.text(), in.version());
    }

    @GetMapping("/{id}/entries")
    public List<Entry> entries(@PathVariable long id) {
        return items.entries(id);
    }

    /** A rectification update (整改进展) without a file; files go to {@code /{id}/evidence}. */
    @PostMapping("/{id}/entries")
    public SupervisedItem rectify(@PathVariable long id, @Valid @RequestBody TextInput in) {
        return items.rectify(id, in.text(), in.version(), null, null);
    }

    /** A rectification update with a file (a photo, a signed document), type read from its bytes. */
    @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public SupervisedItem evidence(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                   @RequestParam(required = false) String text, @RequestParam(required = false) Integer version)
            throws IOException {
        if (text != null && text.length() > 4000) throw new InvalidParameterException("text", "at most 4000 characters");
        byte[] content = Uploads.read(file, ItemService.MAX_EVIDENCE_BYTES);
        return items.rectify(id, text, version, file.getOriginalFilename(), content);
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    public ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
        SupervisedItem.Evidence e = items.evidence(id, evidenceId);
        return Downloads.attachment(e.fileName(), e.contentType(), items.evidenceContent(id, evidenceId));
    }

    /** 销号 or a reopening: an optional remark, the version read; reopening may give a new deadline. */
    public record StepInput(@Size(max = 4000, message = Rules.TOO_LONG) String text, LocalDate deadline,
                            @NotNull(message = Rules.REQUIRED) Integer version) {}

    @PostMapping("/{id}/close")
    public SupervisedItem close(@PathVariable long id, @Valid @RequestBody StepInput in) {
        return items.close(id, in.text(), in.version());
    }

    @PostMapping("/{id}/reopen")
    public SupervisedItem reopen(@PathVariable long id, @Valid @RequestBody StepInput in) {
        return items.reopen(id, in.text(), in.deadline(), in.version());
    }

    public record RaiseInput(@NotBlank(message = Rules.REQUIRED) @Size(max = 8, message = Rules.TOO_LONG) String grade,
                             @Size(max = 4000, message = Rules.TOO_LONG) String text, LocalDate deadline,
                             @NotNull(message = Rules.REQUIRED) Integer version) {}

    @PostMapping("/{id}/raise")
    public SupervisedItem raise(@PathVariable long id, @Valid @RequestBody RaiseInput in) {
        return items.raise(id, enumOf(Grade.class, "grade", in.grade()), in.text(), in.deadline(), in.version());
    }

    /** An order as a Word document in the official layout. */
    @GetMapping("/{id}/docx")
    public ResponseEntity<byte[]> docx(@PathVariable long id) {
        SupervisedItem item = items.get(id);
        return Downloads.attachment(ItemDocx.fileName(item), cn.gongfu.kernel.FileTypes.DOCX, docx.write(items.detail(id)));
    }

    /** The counts by unit with the closure rate, of a plan (every plan when absent), of one kind when given. */
    @GetMapping("/stats")
    public List<UnitCounts> stats(@RequestParam(required = false) Long plan, @RequestParam(required = false) String kind) {
        return reads.countsByUnit(plan, enumOf(Kind.class, "kind", kind));
    }

    /** One of an enum's values by name (any case), null when blank; else a 400 naming the field and the values. */
    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
