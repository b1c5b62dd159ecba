package cn.gongfu.importing;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.ingest.ColumnRoles;
import cn.gongfu.ingest.ParsedTable;
import cn.gongfu.kernel.InvalidParameterException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office says what a table column holds where the reader misread it, and the document is re-read with that: the
 * review, the draft and what publishing stores all come from the new reading. A re-read starts the draft afresh from
 * the parse, so it drops the corrections made so far (the page says so before); like a correction it names the draft
 * version it was made on and is refused when that is stale (409), and it is audited with the choices before and after.
 */
@Service
public class ColumnReReading {

    private final ReviewGuard guard;
    private final AuditLog audit;

    ColumnReReading(ReviewGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Applies the choices (key {@link ColumnRoles#key} → role name) on top of those already made; with reset, all
     * choices are dropped first and the reader's own meanings come back. Returns the new draft version.
     */
    @Transactional
    public int reread(long importId, int version, Map<String, String> choices, boolean reset) {
        ImportReview review = guard.open(importId, version);
        ImportJob job = review.job();
        Map<String, ParsedTable.Column> columns = new HashMap<>();
        for (ParsedTable t : review.document().tables()) {
            t.columns().forEach(c -> columns.put(ColumnRoles.key(t.line(), c.index()), c));
        }
        Map<String, String> before = job.roles().asMap();
        Map<String, String> after = reset ? new HashMap<>() : new HashMap<>(before);
        choices.forEach((key, role) -> {
            ParsedTable.Column column = columns.get(key);
            if (column == null) throw new InvalidParameterException("column", both("import.columns.unknown", key));
            if (!ColumnRoles.isChoice(role)) throw new InvalidParameterException("role", both("import.columns.badRole", role, column.header()));
            if (!ColumnRoles.fits(role, column.header())) throw new InvalidParameterException("role", both("import.columns.noYear", column.header()));
            if (!role.equals(column.role()) || before.containsKey(key)) {
                after.put(key, role);
            }
        });
        if (after.equals(before)) {
            return version;
        }
        // no choices left is stored as null (the reader's own meanings), which Map.of would refuse
        int next = guard.store(importId, version, "column_roles = :roles, draft_json = null",
                java.util.Collections.singletonMap("roles", ColumnChoices.write(after)));
        audit.record("import.columns", "import:" + importId, ColumnChoices.write(before), ColumnChoices.write(after));
        return next;
    }
}
