package cn.gongfu.notify;

import java.time.LocalDateTime;

/** An in-app message to one user: what happened, where to act, and its tab (待办 or 消息); a to-do may be marked done. */
public record Notification(long id, long userId, NoticeKind kind, String message, String link, LocalDateTime createdAt,
                           LocalDateTime readAt, LocalDateTime doneAt) {}
