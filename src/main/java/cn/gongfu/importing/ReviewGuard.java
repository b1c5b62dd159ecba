package cn.gongfu.importing;

import cn.gongfu.kernel.StaleVersionException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one guard of every change to an import under review (a correction, a revert, a column's new meaning): the
 * import must be in review and at the draft version the change was made on, and the change is stored only if nobody
 * changed the draft since; otherwise 409 with the version it has now. Each store bumps the draft version.
 */
@Component
class ReviewGuard {

    private final JdbcClient jdbc;
    private final ImportService imports;

    ReviewGuard(JdbcClient jdbc, ImportService imports) {
        this.jdbc = jdbc;
        this.imports = imports;
    }

    /** The import's review, refused unless it is in review at {@code version}. */
    ImportReview open(long importId, int version) {
        ImportReview review = imports.review(importId);
        check(review.job(), version);
        return review;
    }

    /** The import's job, refused unless it is in review at {@code version}; for changes that need no parse. */
    ImportJob openJob(long importId, int version) {
        ImportJob job = imports.job(importId);
        check(job, version);
        return job;
    }

    /**
     * Sets {@code assignments} (e.g. {@code draft_json = :json}, with their parameters) if the draft is still at
     * {@code version} and in review; returns the new version.
     */
    int store(long importId, int version, String assignments, Map<String, ?> params) {
        int updated = jdbc.sql("update import_job set " + assignments + ", draft_version = draft_version + 1"
                        + " where id = :id and draft_version = :version and state = 'review'")
                .params(params).param("id", importId).param("version", version).update();
        if (updated != 1) throw stale(importId, version, imports.job(importId).draftVersion());
        return version + 1;
    }

    private static void check(ImportJob job, int version) {
        if (!job.inReview()) throw new ImportStateException("import " + job.id() + " is " + job.state() + ", not in review");
        if (job.draftVersion() != version) throw stale(job.id(), version, job.draftVersion());
    }

    private static StaleVersionException stale(long importId, int expected, int current) {
        return new StaleVersionException("import:" + importId, expected, current);
    }
}
