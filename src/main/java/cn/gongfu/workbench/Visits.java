package cn.gongfu.workbench;

import cn.gongfu.evaluation.EvaluationDigest.IndicatorLine;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a leader saw of a plan at the last visit, to say what changed since: the indicators' statuses then against
 * now. Each visit replaces what is kept; the first visit has nothing to compare with.
 */
@Service
class Visits {

    /** What changed since the visit before this one (seenAt null on a first visit). */
    record Since(LocalDateTime seenAt, List<StatusChange> changes) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Visits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Compares now with the last visit and keeps now as the last visit. */
    @Transactional
    public Since visit(String username, long planId, List<IndicatorLine> now) {
        record Seen(LocalDateTime at, String statuses) {}
        Optional<Seen> last = jdbc.sql("select seen_at, statuses from workbench_visit where username = :u and plan_id = :p")
                .param("u", username).param("p", planId)
                .query((rs, i) -> new Seen(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2))).optional();
        List<StatusChange> changes = new ArrayList<>();
        last.ifPresent(seen -> {
            Map<Long, String> then = read(seen.statuses());
            for (IndicatorLine l : now) {
                String before = then.get(l.indicatorId());
                if (before != null && !before.equals(l.status())) {
                    changes.add(new StatusChange(l.indicatorId(), l.name(), before, l.status()));
                }
            }
        });
        String statuses = write(now);
        LocalDateTime at = LocalDateTime.now(clock);
        int updated = jdbc.sql("update workbench_visit set seen_at = :at, statuses = :s where username = :u and plan_id = :p")
                .param("at", at).param("s", statuses).param("u", username).param("p", planId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into workbench_visit (username, plan_id, seen_at, statuses) values (:u, :p, :at, :s)")
                        .param("u", username).param("p", planId).param("at", at).param("s", statuses).update();
            } catch (DuplicateKeyException sameVisitTwice) {
                // two tabs opened at once: the other one kept the same statuses
            }
        }
        return new Since(last.map(Seen::at).orElse(null), changes);
    }

    private static Map<Long, String> read(String stored) {
        Map<Long, String> out = new HashMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(Long.parseLong(line.substring(0, eq)), line.substring(eq + 1));
        }
        return out;
    }

    private static String write(List<IndicatorLine> now) {
        StringBuilder out = new StringBuilder();
        now.forEach(l -> out.append(l.indicatorId()).append('=').append(l.status()).append('\n'));
        return out.toString();
    }
}
