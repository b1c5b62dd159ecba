package cn.gongfu.audit;

import java.time.LocalDateTime;

/** One line of the audit log: who did what to which thing, when, from where, and the value before and after. */
public record AuditEvent(long id, LocalDateTime occurredAt, String actor, String action, String target,
                         String beforeValue, String afterValue, String remoteAddr) {}
