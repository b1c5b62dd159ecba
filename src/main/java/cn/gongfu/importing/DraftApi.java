package cn.gongfu.importing;

import cn.gongfu.importing.DraftCorrections.Owner;
import cn.gongfu.indicator.IndicatorInput;
import cn.gongfu.indicator.TargetInput;
import cn.gongfu.plan.TaskInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of an import's draft ({@link DraftCorrections}). Each names the draft version it was made on
 * ({@code version}, the review's {@code job.draftVersion}); a correction on an older version is refused with 409.
 * Each answers with the review as it now is.
 */
@Tag(name = "imports", description = "文档导入 Import plan documents: upload, review, correct the draft, map units, publish")
@RestController
@RequestMapping("/api/v1/imports/{id}/draft")
class DraftApi {

    private final DraftCorrections corrections;
    private final ImportService imports;
    private final ColumnReReading columns;

    DraftApi(DraftCorrections corrections, ImportService imports, ColumnReReading columns) {
        this.corrections = corrections;
        this.imports = imports;
        this.columns = columns;
    }

    /**
     * What table columns hold, as the office says, and the document re-read with it: the body maps
     * {@code "headerLine:column"} (from the review's {@code tables}) to a role of {@code ColumnRoles.CHOICES}. The
     * draft starts afresh from the new reading (corrections made so far are dropped).
     */
    @PutMapping("/columns")
    public ImportReview columns(@PathVariable long id, @RequestParam int version, @RequestBody Map<String, String> roles) {
        columns.reread(id, version, roles, false);
        return imports.review(id);
    }

    /** Every column gets back the meaning the reader found. */
    @PostMapping("/columns/reset")
    public ImportReview resetColumns(@PathVariable long id, @RequestParam int version) {
        columns.reread(id, version, Map.of(), true);
        return imports.review(id);
    }

    @PutMapping("/tasks/{index}")
    public ImportReview editTask(@PathVariable long id, @PathVariable int index, @RequestParam int version, @RequestBody TaskInput task) {
        corrections.editTask(id, version, index, task);
        return imports.review(id);
    }

    @PostMapping("/tasks")
    public ImportReview addTask(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String section,
                                @RequestBody TaskInput task) {
        corrections.addTask(id, version, section, task);
        return imports.review(id);
    }

    @DeleteMapping("/tasks/{index}")
    public ImportReview deleteTask(@PathVariable long id, @PathVariable int index, @RequestParam int version) {
        corrections.deleteTask(id, version, index);
        return imports.review(id);
    }

    /** {@code owner} is {@code tasks} or {@code indicators}: the targets of a task, or the yearly values of an indicator. */
    @PutMapping("/{owner}/{index}/targets/{target}")
    public ImportReview editTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                                   @PathVariable int target, @RequestParam int version, @RequestBody TargetInput in) {
        corrections.saveTarget(id, version, owner(owner), index, target, in);
        return imports.review(id);
    }

    @PostMapping("/{owner}/{index}/targets")
    public ImportReview addTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                                  @RequestParam int version, @RequestBody TargetInput in) {
        corrections.saveTarget(id, version, owner(owner), index, null, in);
        return imports.review(id);
    }

    @DeleteMapping("/{owner}/{index}/targets/{target}")
    public ImportReview deleteTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                                     @PathVariable int target, @RequestParam int version) {
        corrections.deleteTarget(id, version, owner(owner), index, target);
        return imports.review(id);
    }

    @PutMapping("/indicators/{index}")
    public ImportReview editIndicator(@PathVariable long id, @PathVariable int index, @RequestParam int version,
                                      @RequestBody IndicatorInput in) {
        corrections.editIndicator(id, version, index, in);
        return imports.review(id);
    }

    @PostMapping("/indicators")
    public ImportReview addIndicator(@PathVariable long id, @RequestParam int version, @RequestBody IndicatorInput in) {
        corrections.addIndicator(id, version, in);
        return imports.review(id);
    }

    @DeleteMapping("/indicators/{index}")
    public ImportReview deleteIndicator(@PathVariable long id, @PathVariable int index, @RequestParam int version) {
        corrections.deleteIndicator(id, version, index);
        return imports.review(id);
    }

    /** Drops every correction: the draft is the parse again. */
    @PostMapping("/revert")
    public ImportReview revert(@PathVariable long id, @RequestParam int version) {
        corrections.revert(id, version);
        return imports.review(id);
    }

    static Owner owner(String path) {
        return switch (path) {
            case "tasks", "task" -> Owner.TASK;
            case "indicators", "indicator" -> Owner.INDICATOR;
            default -> throw new cn.gongfu.kernel.NotFoundException("draft part", path);
        };
    }
}
