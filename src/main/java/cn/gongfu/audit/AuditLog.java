package cn.gongfu.audit;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Where;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log. Written in the caller's transaction, so a change and its audit line are
 * stored together or not at all.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Pager pager;

    public AuditLog(JdbcClient jdbc, Pager pager) {
        this.jdbc = jdbc;
        this.pager = pager;
    }

    /** Records an event by the signed-in user (or the system when nobody is signed in). */
    public void record(String action, String target, String before, String after) {
        recordAs(currentActor(), action, target, before, after);
    }

    /** Records an event for a named actor, e.g. the username a failed login tried. */
    public void recordAs(String actor, String action, String target, String before, String after) {
        jdbc.sql("""
                insert into audit_event (actor, action, target, before_value, after_value, remote_addr)
                values (:actor, :action, :target, :before, :after, :addr)""")
                .param("actor", actor).param("action", action).param("target", target)
                .param("before", before).param("after", after).param("addr", remoteAddr())
                .update();
    }

    /**
     * Records one event per row of a query, set-based, for changes made in bulk (an import replacing many
     * values): {@code sourceSql} selects the columns {@code target, before_value, after_value}. Returns the
     * number of events written.
     */
    public int recordEach(String action, String sourceSql, Map<String, ?> params) {
        return jdbc.sql("insert into audit_event (actor, action, target, before_value, after_value, remote_addr) "
                        + "select :auditActor, :auditAction, src.target, src.before_value, src.after_value, :auditAddr from ("
                        + sourceSql + ") src")
                .params(params).param("auditActor", currentActor()).param("auditAction", action)
                .param("auditAddr", remoteAddr()).update();
    }

    public PageResult<AuditEvent> list(String action, String actor, String target, PageRequest page) {
        Where where = new Where()
                .and("action like :action", "action", Where.prefixPattern(action))
                .and("actor = :actor", "actor", actor)
                .and("target = :target", "target", target);
        return pager.page("id, occurred_at, actor, action, target, before_value, after_value, remote_addr",
                "from audit_event", where, "id desc", page, Rows.of(AuditEvent.class));
    }

    /** The events about any of these things ({@code task:7}, {@code target:12}), newest first: a history to show. */
    public java.util.List<AuditEvent> history(java.util.Collection<String> targets, int limit) {
        if (targets.isEmpty()) return java.util.List.of();
        return jdbc.sql("select id, occurred_at, actor, action, target, before_value, after_value, remote_addr from audit_event"
                        + " where target in (:targets) order by id desc fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only")
                .param("targets", java.util.List.copyOf(targets)).query(Rows.of(AuditEvent.class)).list();
    }

    /** The same events as lines of an edit page's history, each change in words where it was recorded with its fields. */
    public java.util.List<HistoryLine> historyLines(java.util.Collection<String> targets, int limit) {
        return HistoryLine.of(history(targets, limit));
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? null : auth.getName();
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
